import type {
  DeletedResource,
  ListParams,
  Template,
  TemplateId,
  TemplatePreview,
  TemplatePreviewRequest,
  TemplateUpsertRequest,
} from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

export class Templates extends APIResource {
  /** Creates a template, or a new version of the one with `id`. */
  upsert(params: TemplateUpsertRequest, options?: RequestOptions): APIPromise<Template> {
    return this.call('templates.upsert', { body: params }, options);
  }

  /** Renders a saved template (`id`) or a draft (`body`) with `variables`, without saving: text, segments, price. */
  preview(params: TemplatePreviewRequest, options?: RequestOptions): APIPromise<TemplatePreview> {
    return this.call('templates.preview', { body: params }, options);
  }

  /** The account's templates, a page at a time; iterate it to walk every page. */
  list(params?: ListParams, options?: RequestOptions): PagePromise<Template> {
    return this.page('templates.list', params, options);
  }

  get(id: TemplateId, options?: RequestOptions): APIPromise<Template> {
    return this.call('templates.get', { params: { id } }, options);
  }

  /** Deletes every version (409 `template_in_use` while scheduled messages use it). */
  delete(id: TemplateId, options?: RequestOptions): APIPromise<DeletedResource<TemplateId>> {
    return this.call('templates.delete', { params: { id } }, options);
  }
}
