// The main entry is the HTTP client only; ./encoding, ./webhooks and ./phone are separate subpaths
// so this one stays small.

// The wire types, so an app needs one import; they come from the contract the SDK is built for.
export type {
  ApiKey,
  ApiKeyId,
  Balance,
  Consent,
  CreatedApiKey,
  CreatedWebhookEndpoint,
  KnownWebhookEvent,
  LedgerEntry,
  Message,
  MessageId,
  MessageStatus,
  Money,
  OptOut,
  Page as WirePage,
  Problem,
  ProblemFieldError,
  SendAccepted,
  Sender,
  SenderId,
  SendMessageRequest,
  SendMessageResponse,
  SendRejected,
  StatusHistoryEntry,
  StreamedEvent,
  Template,
  TemplateId,
  TemplatePreview,
  TemplateUpsertRequest,
  WebhookAttempt,
  WebhookAttemptList,
  WebhookEndpoint,
  WebhookEndpointId,
  WebhookEvent,
  WebhookEventType,
} from '@karvon/contract';
export { APIPromise, type WithResponse } from './client/api-promise';
export type { ApiKeySource, FetchLike, KarvonOptions, Logger, RequestOptions } from './client/client-options';
export type { KarvonHooks, RequestEvent, ResponseEvent, RetryEvent } from './client/hooks';
export { Karvon } from './client/karvon';
export {
  type ClientCredentialsOptions,
  clientCredentialsTokenProvider,
  type TokenProvider,
} from './client/oauth/client-credentials-token-provider';
export { Page, PagePromise } from './client/page';
export type { ApiKeys } from './client/resources/api-keys';
export type { BalanceResource } from './client/resources/balance';
export type { Consents } from './client/resources/consents';
export type { EventStreamParams, Events } from './client/resources/events';
export type { HealthResource } from './client/resources/health';
export type { Messages } from './client/resources/messages';
export type { OptOuts } from './client/resources/opt-outs';
export type { Privacy } from './client/resources/privacy';
export type { Senders } from './client/resources/senders';
export type { Templates } from './client/resources/templates';
export type { WebhookEndpoints } from './client/resources/webhook-endpoints';
export { type Operation, SDK_ROUTES, type SdkRoute } from './client/routes';
export { AbortError } from './errors/abort-error';
export { APIError, type APIErrorInit } from './errors/api-error';
export { ConnectionError, TimeoutError } from './errors/connection-error';
export { KarvonError, type KarvonErrorJSON } from './errors/karvon-error';
export { type ResponseIssue, ResponseValidationError } from './errors/response-validation-error';
export {
  AuthenticationError,
  IdempotencyError,
  InsufficientBalanceError,
  InternalServerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from './errors/status-errors';
