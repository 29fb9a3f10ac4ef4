// @karvon/sdk/webhooks: verify and sign Standard Webhooks with Web Crypto, on
// Node, Deno, Bun, browsers and edge workers. No Buffer, no node:* imports;
// where the runtime offers node:crypto through process.getBuiltinModule, v1
// HMACs use it synchronously (internal/hmac-sha256.ts, decision 0005).

export type { WebhookKeyPair } from './generate-webhook-key-pair';
export { generateWebhookKeyPair } from './generate-webhook-key-pair';
export type { GenerateWebhookSecretOptions } from './generate-webhook-secret';
export { generateWebhookSecret } from './generate-webhook-secret';
export type { ExpressLikeRequest } from './raw-body-from-express';
export { rawBodyFromExpress } from './raw-body-from-express';
export type { FastifyLikeRequest } from './raw-body-from-fastify';
export { rawBodyFromFastify } from './raw-body-from-fastify';
export type { RequestLike } from './raw-body-from-request';
export { rawBodyFromRequest } from './raw-body-from-request';
export { rawBodyFromStream } from './raw-body-from-stream';
export type { SignWebhookInput } from './sign-webhook';
export { signWebhook } from './sign-webhook';
export type { VerifyWebhookOptions } from './verify-webhook';
export { verifyWebhook } from './verify-webhook';
export type {
  VerifiedWebhookSignature,
  VerifyWebhookSignatureOptions,
  WebhookSecrets,
} from './verify-webhook-signature';
export { DEFAULT_WEBHOOK_TOLERANCE_SEC, verifyWebhookSignature } from './verify-webhook-signature';
export type { UnknownEvent, WebhookEvent } from './webhook-event';
export { isKnownWebhookEvent } from './webhook-event';
export type { WebhookHeadersInput, WebhookSignatureHeaders } from './webhook-headers';
export type { WebhookRawBody } from './webhook-raw-body';
export type { WebhookVerificationReason } from './webhook-verification-error';
export { WebhookVerificationError } from './webhook-verification-error';
