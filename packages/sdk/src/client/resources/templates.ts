import type { Template, TemplateUpsertRequest } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import { APIResource } from './api-resource';

export class Templates extends APIResource {
  /** Creates a template, or a new version of the one with `id`. */
  upsert(params: TemplateUpsertRequest, options?: RequestOptions): APIPromise<Template> {
    return this.transport.request(
      { method: 'POST', path: '/template', body: params, schema: 'templateSchema' },
      options,
    );
  }
}
