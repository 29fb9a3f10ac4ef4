import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  DeletedResource,
  ListParams,
  WebhookEndpoint,
  WebhookEndpointId,
} from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

/** `client.webhookEndpoints`: where the gateway posts events (`POST /webhooks`, …). */
export class WebhookEndpoints extends APIResource {
  /** Registers an endpoint. Its `whsec_` signing secret is in this answer only: store it now. */
  create(params: CreateWebhookEndpointRequest, options?: RequestOptions): APIPromise<CreatedWebhookEndpoint> {
    return this.call('webhookEndpoints.create', { body: params }, options);
  }

  list(params?: ListParams, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.page('webhookEndpoints.list', params, options);
  }

  get(id: WebhookEndpointId, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this.call('webhookEndpoints.get', { params: { id } }, options);
  }

  delete(id: WebhookEndpointId, options?: RequestOptions): APIPromise<DeletedResource<WebhookEndpointId>> {
    return this.call('webhookEndpoints.delete', { params: { id } }, options);
  }
}
