import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  DeletedResource,
  ListParams,
  ListWebhookAttemptsParams,
  ReplayWebhookRequest,
  RotatedWebhookSecret,
  RotateWebhookSecretRequest,
  WebhookAttemptList,
  WebhookEndpoint,
  WebhookEndpointId,
  WebhookReplay,
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

  /** Delivery attempts, newest first (optionally of one event), with the endpoint's health. */
  listAttempts(
    id: WebhookEndpointId,
    params?: ListWebhookAttemptsParams,
    options?: RequestOptions,
  ): APIPromise<WebhookAttemptList> {
    return this.call(
      'webhookEndpoints.listAttempts',
      { params: { id }, ...(params ? { query: params } : {}) },
      options,
    );
  }

  /**
   * Delivers again one event (`eventId`) or every event from `since` (to `until`), with the same
   * `webhook-id`s; re-enables an endpoint that was disabled after failing.
   */
  replay(id: WebhookEndpointId, params: ReplayWebhookRequest, options?: RequestOptions): APIPromise<WebhookReplay> {
    return this.call('webhookEndpoints.replay', { params: { id }, body: params }, options);
  }

  /** A new `whsec_` secret, in this answer only; the previous one still signs for `graceHours` (default 24). */
  rotateSecret(
    id: WebhookEndpointId,
    params: RotateWebhookSecretRequest = {},
    options?: RequestOptions,
  ): APIPromise<RotatedWebhookSecret> {
    return this.call('webhookEndpoints.rotateSecret', { params: { id }, body: params }, options);
  }
}
