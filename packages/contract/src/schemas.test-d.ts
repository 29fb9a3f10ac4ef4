import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  ApiKey,
  apiKeyPageSchema,
  apiKeySchema,
  Balance,
  balanceSchema,
  Consent,
  CreateApiKeyRequest,
  CreateConsentRequest,
  CreatedApiKey,
  CreatedWebhookEndpoint,
  CreateOptOutRequest,
  CreateSenderRequest,
  CreateWebhookEndpointRequest,
  consentPageSchema,
  consentSchema,
  createApiKeyRequestSchema,
  createConsentRequestSchema,
  createdApiKeySchema,
  createdWebhookEndpointSchema,
  createOptOutRequestSchema,
  createSenderRequestSchema,
  createWebhookEndpointRequestSchema,
  DeletedResource,
  deletedResourceSchema,
  Health,
  healthSchema,
  InboundMessageData,
  inboundMessageDataSchema,
  KnownWebhookEvent,
  knownWebhookEventSchema,
  LedgerEntry,
  ListConsentsParams,
  ListMessagesParams,
  ListOptOutsParams,
  ListParams,
  ledgerEntrySchema,
  listConsentsParamsSchema,
  listMessagesParamsSchema,
  listOptOutsParamsSchema,
  listParamsSchema,
  Message,
  MessageEventData,
  MessagePart,
  Money,
  messageEventDataSchema,
  messagePageSchema,
  messagePartSchema,
  messageSchema,
  moneyResponseSchema,
  moneySchema,
  OAuthErrorResponse,
  OAuthTokenRequest,
  OAuthTokenResponse,
  OptOut,
  OptOutChangedData,
  OptOutDeleted,
  oauthErrorResponseSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
  optOutChangedDataSchema,
  optOutDeletedSchema,
  optOutPageSchema,
  optOutSchema,
  Page,
  PrivacyErasure,
  PrivacyExport,
  PrivacyRequest,
  Problem,
  ProblemFieldError,
  privacyErasureSchema,
  privacyExportSchema,
  privacyRequestSchema,
  problemFieldErrorSchema,
  problemSchema,
  Readiness,
  readinessSchema,
  SendAccepted,
  SendBatchMessageRequest,
  Sender,
  SendMessageRequest,
  SendMessageResponse,
  SendRejected,
  SingleMessage,
  StatusHistoryEntry,
  sendAcceptedSchema,
  sendBatchMessageRequestSchema,
  senderPageSchema,
  senderSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  sendRejectedSchema,
  sendSingleMessageRequestSchema,
  statusHistoryEntrySchema,
  Template,
  TemplatePreview,
  TemplatePreviewRequest,
  TemplateUpsertRequest,
  templatePageSchema,
  templatePreviewRequestSchema,
  templatePreviewSchema,
  templateSchema,
  templateUpsertRequestSchema,
  WebhookEndpoint,
  WebhookEvent,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
  webhookEventSchema,
} from './index';

// Loose (response) schemas add `[k: string]: unknown` to their output, which
// an interface does not have; strip index signatures before comparing.
type StripIndex<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? StripIndex<U>[]
    : { [K in keyof T as string extends K ? never : K]: StripIndex<T[K]> };

// Both directions: the schema's output fits the interface, and the interface
// fits the schema's output, so neither can gain or lose a field alone. (Open
// enums are `string` in response schemas: assignable both ways, not identical.)
type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Assignability ignores an optional member present on one side only, so the
// shapes are also compared exactly after widening literals and brands to
// their primitive: together the two checks catch any drift.
type Shape<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Shape<U>[]
        : T extends object
          ? { [K in keyof T as string extends K ? never : K]: Shape<T[K]> }
          : T;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Same<S extends z.core.$ZodType, I> =
  Agree<StripIndex<z.output<S>>, StripIndex<I>> extends true ? Equal<Shape<z.output<S>>, Shape<I>> : false;

describe('schemas and public interfaces agree', () => {
  it('for requests', () => {
    expectTypeOf<Same<typeof sendSingleMessageRequestSchema, SingleMessage>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof sendBatchMessageRequestSchema, SendBatchMessageRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof sendMessageRequestSchema, SendMessageRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof templateUpsertRequestSchema, TemplateUpsertRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof moneySchema, Money>>().toEqualTypeOf<true>();
  });

  it('for responses', () => {
    expectTypeOf<Same<typeof moneyResponseSchema, Money>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof problemFieldErrorSchema, ProblemFieldError>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof problemSchema, Problem>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof sendAcceptedSchema, SendAccepted>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof sendRejectedSchema, SendRejected>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof sendMessageResponseSchema, SendMessageResponse>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof statusHistoryEntrySchema, StatusHistoryEntry>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof messagePartSchema, MessagePart>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof messageSchema, Message>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof templateSchema, Template>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof ledgerEntrySchema, LedgerEntry>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof balanceSchema, Balance>>().toEqualTypeOf<true>();
  });

  it('for webhook events', () => {
    expectTypeOf<Same<typeof messageEventDataSchema, MessageEventData>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof inboundMessageDataSchema, InboundMessageData>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof optOutChangedDataSchema, OptOutChangedData>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof knownWebhookEventSchema, KnownWebhookEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof webhookEventSchema, WebhookEvent>>().toEqualTypeOf<true>();
  });
});

describe('schemas and interfaces of the routes around the seed agree', () => {
  it('for requests and list queries', () => {
    expectTypeOf<Same<typeof listParamsSchema, ListParams>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof listMessagesParamsSchema, ListMessagesParams>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof listOptOutsParamsSchema, ListOptOutsParams>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof listConsentsParamsSchema, ListConsentsParams>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof templatePreviewRequestSchema, TemplatePreviewRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createApiKeyRequestSchema, CreateApiKeyRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createSenderRequestSchema, CreateSenderRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createOptOutRequestSchema, CreateOptOutRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createConsentRequestSchema, CreateConsentRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createWebhookEndpointRequestSchema, CreateWebhookEndpointRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof privacyRequestSchema, PrivacyRequest>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof oauthTokenRequestSchema, OAuthTokenRequest>>().toEqualTypeOf<true>();
  });

  it('for responses', () => {
    expectTypeOf<Same<typeof messagePageSchema, Page<Message>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof templatePageSchema, Page<Template>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof templatePreviewSchema, TemplatePreview>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof deletedResourceSchema, DeletedResource>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof apiKeySchema, ApiKey>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof apiKeyPageSchema, Page<ApiKey>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createdApiKeySchema, CreatedApiKey>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof senderSchema, Sender>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof senderPageSchema, Page<Sender>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof optOutSchema, OptOut>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof optOutPageSchema, Page<OptOut>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof optOutDeletedSchema, OptOutDeleted>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof consentSchema, Consent>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof consentPageSchema, Page<Consent>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof webhookEndpointSchema, WebhookEndpoint>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof webhookEndpointPageSchema, Page<WebhookEndpoint>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof createdWebhookEndpointSchema, CreatedWebhookEndpoint>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof privacyExportSchema, PrivacyExport>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof privacyErasureSchema, PrivacyErasure>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof oauthTokenResponseSchema, OAuthTokenResponse>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof oauthErrorResponseSchema, OAuthErrorResponse>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof healthSchema, Health>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof readinessSchema, Readiness>>().toEqualTypeOf<true>();
  });
});
