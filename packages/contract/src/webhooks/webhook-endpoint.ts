import * as z from 'zod/mini';
import { pageSchema } from '../common/page';
import type { WebhookEndpointId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import { SEND_LIMITS } from '../messages/send-limits';
import { type KnownWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-types';

/** Where the gateway posts webhook events for an account. */
export interface WebhookEndpoint {
  id: WebhookEndpointId;
  url: string;
  /** The event types it receives; empty means every type, new ones included. */
  events: WebhookEventType[];
  description?: string;
  /** RFC 3339 */
  createdAt: string;
  /** `whsec_…`: only in the answer to `POST /webhooks`. */
  secret?: string;
}

/** The answer to `POST /webhooks`: the endpoint with its signing secret, shown this once. */
export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  /** `whsec_…`, for verifying signatures (Standard Webhooks). Store it now. */
  secret: string;
}

/**
 * The body of `POST /webhooks`. The URL must be HTTPS and must not point at a private, loopback or
 * link-local address unless the operator allows it (422 `webhook_url_not_allowed`; the gateway
 * checks DNS answers too, so the schema only checks the shape).
 */
export interface CreateWebhookEndpointRequest {
  url: string;
  /** Default: every event type. */
  events?: KnownWebhookEventType[];
  description?: string;
}

/** Strict (request). */
export const createWebhookEndpointRequestSchema = pure(() =>
  z.strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'Expected an http(s) URL' })
      .check(z.maxLength(SEND_LIMITS.maxCallbackUrlLength)),
    events: z.exactOptional(z.array(z.enum(WEBHOOK_EVENT_TYPES)).check(z.maxLength(WEBHOOK_EVENT_TYPES.length))),
    description: z.exactOptional(z.string().check(z.maxLength(256))),
  }),
);

const endpointShape = pure(() => ({
  id: idSchema('webhookEndpoint'),
  url: z.string(),
  events: z.array(z.string()),
  description: z.exactOptional(z.string()),
  createdAt: z.string(),
}));

/** Loose (response). */
export const webhookEndpointSchema = pure(() =>
  z.looseObject({ ...endpointShape, secret: z.exactOptional(z.string()) }),
);

/** Loose (response) of `POST /webhooks`. */
export const createdWebhookEndpointSchema = pure(() =>
  z.looseObject({ ...endpointShape, secret: z.string().check(z.startsWith('whsec_')) }),
);

/** Loose (response) of `GET /webhooks`. */
export const webhookEndpointPageSchema = pure(() => pageSchema(webhookEndpointSchema));
