// The public surface of @karvon/contract. Explicit named exports only.

export type {
  ApiKey,
  ApiKeyMode,
  ApiKeyRole,
  ApiKeyScope,
  CreateApiKeyRequest,
  CreatedApiKey,
  KnownApiKeyMode,
  KnownApiKeyRole,
  KnownApiKeyScope,
} from './accounts/api-key';
export {
  API_KEY_MODES,
  API_KEY_ROLES,
  API_KEY_SCOPES,
  apiKeyPageSchema,
  apiKeySchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  DEFAULT_API_KEY_ROLE,
  MAX_IP_ALLOWLIST_ENTRIES,
} from './accounts/api-key';
export type { Balance, LedgerEntry, LedgerReason } from './balance/balance';
export { balanceSchema, LEDGER_REASONS, ledgerEntrySchema } from './balance/balance';
export type { DeletedResource } from './common/deleted';
export { deletedResourceSchema } from './common/deleted';
export type { ListParams } from './common/list-params';
export { listParamsSchema, PAGE_LIMITS } from './common/list-params';
export type { Open } from './common/open';
export type { Page } from './common/page';
export { pageSchema } from './common/page';
export {
  isLocalDateTime,
  isRfc3339WithOffset,
  LOCAL_DATE_TIME_PATTERN,
  RFC3339_WITH_OFFSET_PATTERN,
  rfc3339Schema,
} from './common/rfc3339';
export {
  isTimeZone,
  type WallClock,
  wallClockAt,
  wallTimeToEpochMs,
  zonedTimeToEpochMs,
  zoneOffsetMinutes,
} from './common/zoned-time';
export type { Consent, CreateConsentRequest, ListConsentsParams } from './consents/consent';
export {
  consentPageSchema,
  consentSchema,
  createConsentRequestSchema,
  listConsentsParamsSchema,
} from './consents/consent';
export type { ErrorCode, ErrorCodeDefinition, KnownErrorCode } from './errors/error-codes';
export { ERROR_CODES, errorCodeDefinition, isErrorCode } from './errors/error-codes';
export { parseJsonPointer, toJsonPointer } from './errors/json-pointer';
export type { CreateProblemOptions, Problem, ProblemFieldError } from './errors/problem';
export {
  createProblem,
  isProblem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE_URL,
  problemFieldErrorSchema,
  problemSchema,
  problemType,
} from './errors/problem';
export type { ZodIssuesToFieldErrorsOptions } from './errors/zod-issues-to-field-errors';
export { zodIssuesToFieldErrors } from './errors/zod-issues-to-field-errors';
export type {
  EventStreamParams,
  StreamedEvent,
} from './events/event-stream';
export { EVENT_STREAM_CONTENT_TYPE, eventStreamParamsSchema, splitEventTypes } from './events/event-stream';
export type { Health, Readiness } from './health/health';
export { healthSchema, readinessSchema } from './health/health';
export type { CreateIdOptions } from './ids/create-id';
export { createId } from './ids/create-id';
export type {
  AccountId,
  ApiKeyId,
  EventId,
  IdKind,
  IdOf,
  IdPrefix,
  LedgerEntryId,
  MessageId,
  MessagePartId,
  RequestId,
  SenderId,
  TemplateId,
  WebhookEndpointId,
} from './ids/id-prefixes';
export { ID_PREFIXES } from './ids/id-prefixes';
export { idSchema } from './ids/id-schema';
export { isId, parseId } from './ids/is-id';
export type { ListMessagesParams } from './messages/list-messages-params';
export { listMessagesParamsSchema } from './messages/list-messages-params';
export type { Message, MessagePart, StatusHistoryEntry } from './messages/message';
export { messagePageSchema, messagePartSchema, messageSchema, statusHistoryEntrySchema } from './messages/message';
export type { KnownMessageStatus, MessageStatus, TerminalMessageStatus } from './messages/message-status';
export {
  INITIAL_STATUSES,
  isKnownMessageStatus,
  isTerminalStatus,
  MESSAGE_STATUSES,
  PENDING_STATUSES,
  TERMINAL_STATUSES,
} from './messages/message-status';
export { canTransition, eventForStatus, eventForTransition, MESSAGE_TRANSITIONS } from './messages/message-transitions';
export type { KnownMessageEncoding, KnownMessageType, MessageEncoding, MessageType } from './messages/message-type';
export { MESSAGE_ENCODINGS, MESSAGE_TYPES } from './messages/message-type';
export { rollUpPartStatuses } from './messages/roll-up-part-statuses';
export { SEND_LIMITS } from './messages/send-limits';
export type {
  MessageDefaults,
  SendBatchMessageRequest,
  SendMessageRequest,
  SingleMessage,
} from './messages/send-message-request';
export {
  expandSendMessageRequest,
  isBatchRequest,
  PHONE_NUMBER_PATTERN,
  parseSendMessageRequest,
  phoneNumberSchema,
  SENDER_PATTERN,
  sendBatchMessageRequestSchema,
  sendMessageRequestSchema,
  sendSingleMessageRequestSchema,
} from './messages/send-message-request';
export type { SendAccepted, SendMessageResponse, SendRejected, SendResult } from './messages/send-message-response';
export { sendAcceptedSchema, sendMessageResponseSchema, sendRejectedSchema } from './messages/send-message-response';
export type { CurrencyCode } from './money/currency-minor-units';
export { CURRENCY_MINOR_UNITS, isCurrencyCode, minorUnitsOf } from './money/currency-minor-units';
export { formatMoney, toDecimalString } from './money/format-money';
export type { Money } from './money/money';
export { addMoney, money, multiplyMoney, subtractMoney } from './money/money';
export { moneyResponseSchema, moneySchema } from './money/money-schema';
export type { OAuthErrorResponse, OAuthTokenRequest, OAuthTokenResponse } from './oauth/oauth-token';
export {
  OAUTH_ERROR_CODES,
  OAUTH_TOKEN_PATH,
  oauthErrorResponseSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
} from './oauth/oauth-token';
export type {
  CreateOptOutRequest,
  KnownOptOutScope,
  ListOptOutsParams,
  OptOut,
  OptOutDeleted,
  OptOutScope,
} from './opt-outs/opt-out';
export {
  createOptOutRequestSchema,
  listOptOutsParamsSchema,
  OPT_OUT_SCOPES,
  optOutDeletedSchema,
  optOutPageSchema,
  optOutSchema,
} from './opt-outs/opt-out';
export type {
  PrivacyConsentChange,
  PrivacyErasure,
  PrivacyExport,
  PrivacyInboundMessage,
  PrivacyRequest,
} from './privacy/privacy';
export { privacyErasureSchema, privacyExportSchema, privacyRequestSchema } from './privacy/privacy';
export type { MagicNumber, SandboxBehaviour, SandboxOutcome } from './sandbox/magic-numbers';
export {
  isMagicNumber,
  SANDBOX_BEHAVIOURS,
  SANDBOX_DEFAULT_BEHAVIOUR,
  SANDBOX_MAGIC_NUMBERS,
  SANDBOX_OUTCOMES,
  sandboxOutcome,
} from './sandbox/magic-numbers';
export type {
  CreateSenderRequest,
  KnownSenderKind,
  KnownSenderStatus,
  Sender,
  SenderKind,
  SenderStatus,
} from './senders/sender';
export {
  createSenderRequestSchema,
  SENDER_KINDS,
  SENDER_STATUSES,
  senderPageSchema,
  senderSchema,
} from './senders/sender';
export type { Template, TemplatePreview, TemplateUpsertRequest } from './templates/template';
export {
  templatePageSchema,
  templatePreviewSchema,
  templateSchema,
  templateUpsertRequestSchema,
} from './templates/template';
export type { TemplatePreviewRequest } from './templates/template-preview-request';
export { templatePreviewRequestSchema } from './templates/template-preview-request';
export type { ApiVersion } from './version/api-version';
export {
  API_VERSION_HEADER,
  API_VERSIONS,
  apiVersionSchema,
  isApiVersion,
  LATEST_API_VERSION,
} from './version/api-version';
export type {
  ListWebhookAttemptsParams,
  ReplayWebhookRequest,
  RotatedWebhookSecret,
  RotateWebhookSecretRequest,
  WebhookAttempt,
  WebhookAttemptList,
  WebhookEndpointHealth,
  WebhookReplay,
} from './webhooks/webhook-attempt';
export {
  listWebhookAttemptsParamsSchema,
  replayWebhookRequestSchema,
  rotatedWebhookSecretSchema,
  rotateWebhookSecretRequestSchema,
  WEBHOOK_SECRET_GRACE_HOURS,
  webhookAttemptListSchema,
  webhookAttemptSchema,
  webhookReplaySchema,
} from './webhooks/webhook-attempt';
export type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  WebhookEndpoint,
} from './webhooks/webhook-endpoint';
export {
  createdWebhookEndpointSchema,
  createWebhookEndpointRequestSchema,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
} from './webhooks/webhook-endpoint';
export type {
  InboundMessageData,
  InboundMessageWebhookEvent,
  KnownWebhookEvent,
  MessageEventData,
  MessageWebhookEvent,
  OptOutChangedData,
  OptOutChangedWebhookEvent,
  OptOutSource,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventEnvelope,
} from './webhooks/webhook-event';
export {
  inboundMessageDataSchema,
  isKnownWebhookEvent,
  knownWebhookEventSchema,
  messageEventDataSchema,
  OPT_OUT_SOURCES,
  optOutChangedDataSchema,
  webhookEventSchema,
} from './webhooks/webhook-event';
export type { KnownWebhookEventType, MessageWebhookEventType, WebhookEventType } from './webhooks/webhook-event-types';
export {
  isKnownWebhookEventType,
  MESSAGE_WEBHOOK_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
} from './webhooks/webhook-event-types';
