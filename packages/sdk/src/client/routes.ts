import type { ResponseSchemaName } from '../validation/response-validator';

/** One HTTP route of the gateway as the SDK calls it. `path` uses OpenAPI templates: `/status/{id}`. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** With `validateResponses`, the contract schema a 2xx body must match. */
  readonly schema: ResponseSchemaName;
}

/**
 * Every route the SDK calls, keyed by `resource.method`. Resources look their route up here instead
 * of spelling paths, so this table is the SDK's side of the gateway's `/openapi.json` and a test can
 * diff the two (SDK_ROUTES).
 */
export const ROUTES = {
  'messages.send': { method: 'POST', path: '/send', schema: 'sendMessageResponseSchema' },
  'messages.get': { method: 'GET', path: '/status/{id}', schema: 'messageSchema' },
  'messages.list': { method: 'GET', path: '/messages', schema: 'messagePageSchema' },
  'messages.cancel': { method: 'POST', path: '/messages/{id}/cancel', schema: 'messageSchema' },
  'templates.upsert': { method: 'POST', path: '/template', schema: 'templateSchema' },
  'templates.preview': { method: 'POST', path: '/template/preview', schema: 'templatePreviewSchema' },
  'templates.list': { method: 'GET', path: '/templates', schema: 'templatePageSchema' },
  'templates.get': { method: 'GET', path: '/templates/{id}', schema: 'templateSchema' },
  'templates.delete': { method: 'DELETE', path: '/templates/{id}', schema: 'deletedResourceSchema' },
  'balance.get': { method: 'GET', path: '/balance', schema: 'balanceSchema' },
  'apiKeys.list': { method: 'GET', path: '/keys', schema: 'apiKeyPageSchema' },
  'apiKeys.create': { method: 'POST', path: '/keys', schema: 'createdApiKeySchema' },
  'apiKeys.revoke': { method: 'DELETE', path: '/keys/{id}', schema: 'deletedResourceSchema' },
  'senders.list': { method: 'GET', path: '/senders', schema: 'senderPageSchema' },
  'senders.create': { method: 'POST', path: '/senders', schema: 'senderSchema' },
  'senders.get': { method: 'GET', path: '/senders/{id}', schema: 'senderSchema' },
  'senders.delete': { method: 'DELETE', path: '/senders/{id}', schema: 'deletedResourceSchema' },
  'optOuts.list': { method: 'GET', path: '/opt-outs', schema: 'optOutPageSchema' },
  'optOuts.create': { method: 'POST', path: '/opt-outs', schema: 'optOutSchema' },
  'optOuts.delete': { method: 'DELETE', path: '/opt-outs/{phoneNumber}', schema: 'optOutDeletedSchema' },
  'consents.list': { method: 'GET', path: '/consents', schema: 'consentPageSchema' },
  'consents.create': { method: 'POST', path: '/consents', schema: 'consentSchema' },
  'consents.revoke': { method: 'DELETE', path: '/consents/{phoneNumber}', schema: 'consentSchema' },
  'webhookEndpoints.create': { method: 'POST', path: '/webhooks', schema: 'createdWebhookEndpointSchema' },
  'webhookEndpoints.list': { method: 'GET', path: '/webhooks', schema: 'webhookEndpointPageSchema' },
  'webhookEndpoints.get': { method: 'GET', path: '/webhooks/{id}', schema: 'webhookEndpointSchema' },
  'webhookEndpoints.delete': { method: 'DELETE', path: '/webhooks/{id}', schema: 'deletedResourceSchema' },
  'webhookEndpoints.listAttempts': {
    method: 'GET',
    path: '/webhooks/{id}/attempts',
    schema: 'webhookAttemptListSchema',
  },
  'webhookEndpoints.replay': { method: 'POST', path: '/webhooks/{id}/replay', schema: 'webhookReplaySchema' },
  'webhookEndpoints.rotateSecret': {
    method: 'POST',
    path: '/webhooks/{id}/rotate-secret',
    schema: 'rotatedWebhookSecretSchema',
  },
  // Server-Sent Events: the schema is each event's data (the webhook envelope), not a body.
  'events.stream': { method: 'GET', path: '/events', schema: 'webhookEventSchema' },
  'privacy.export': { method: 'POST', path: '/privacy/export', schema: 'privacyExportSchema' },
  'privacy.erase': { method: 'POST', path: '/privacy/erasure', schema: 'privacyErasureSchema' },
  'health.get': { method: 'GET', path: '/health', schema: 'healthSchema' },
  'health.ready': { method: 'GET', path: '/ready', schema: 'readinessSchema' },
  // Called by clientCredentialsTokenProvider, not by a resource.
  'oauth.token': { method: 'POST', path: '/oauth/token', schema: 'oauthTokenResponseSchema' },
} as const satisfies Record<string, RouteSpec>;

export type Operation = keyof typeof ROUTES;

/** A route with its operation name, for comparing the SDK with the gateway's OpenAPI document. */
export interface SdkRoute {
  readonly operation: Operation;
  readonly method: RouteSpec['method'];
  readonly path: string;
}

/** Every route the SDK calls, as a list. Derived from ROUTES, so it cannot drift from the resources. */
export const SDK_ROUTES: readonly SdkRoute[] = /* @__PURE__ */ Object.entries(ROUTES).map(
  ([operation, { method, path }]) => ({ operation: operation as Operation, method, path }),
);

/**
 * Fills `{name}` placeholders with percent-encoded values: an id containing `/` or `..`, or a phone
 * number's `+`, cannot change which route is called.
 */
export function fillPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new TypeError(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
