import {
  apiKeyPageSchema,
  balanceSchema,
  consentPageSchema,
  consentSchema,
  createApiKeyRequestSchema,
  createConsentRequestSchema,
  createdApiKeySchema,
  createdWebhookEndpointSchema,
  createOptOutRequestSchema,
  createSenderRequestSchema,
  createWebhookEndpointRequestSchema,
  deletedResourceSchema,
  type ErrorCode,
  healthSchema,
  listConsentsParamsSchema,
  listMessagesParamsSchema,
  listOptOutsParamsSchema,
  listParamsSchema,
  messagePageSchema,
  messageSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
  optOutDeletedSchema,
  optOutPageSchema,
  optOutSchema,
  privacyErasureSchema,
  privacyExportSchema,
  privacyRequestSchema,
  readinessSchema,
  senderPageSchema,
  senderSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  templatePageSchema,
  templatePreviewRequestSchema,
  templatePreviewSchema,
  templateSchema,
  templateUpsertRequestSchema,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
} from '@karvon/contract';

/** A contract schema and the name it gets under `components.schemas`. */
export interface NamedSchema {
  readonly name: string;
  readonly schema: unknown;
}

const named = (name: string, schema: unknown): NamedSchema => ({ name, schema });

/**
 * How one route of ROUTE_SCOPES is documented. `operationId` is the SDK's
 * operation name (`messages.send`), so the OpenAPI document and the SDK's
 * route table map one to one; the openapi test diffs them.
 */
export interface OperationSpec {
  readonly operationId: string;
  readonly summary: string;
  readonly request?: NamedSchema;
  /** The query parameters, from the contract's list-params schemas. */
  readonly query?: NamedSchema;
  readonly response: NamedSchema | 'any';
  readonly status: '200' | '201';
  /** Also answers 201 (an upsert that created the resource). */
  readonly mayCreate?: true;
  /** Registry codes this route returns beyond the ones every route of its kind can. */
  readonly errors?: readonly ErrorCode[];
  /** Accepts application/x-www-form-urlencoded as well as JSON. */
  readonly form?: boolean;
}

const S = {
  send: named('SendMessageRequest', sendMessageRequestSchema),
  sendResponse: named('SendMessageResponse', sendMessageResponseSchema),
  message: named('Message', messageSchema),
  messagePage: named('MessagePage', messagePageSchema),
  listMessages: named('ListMessagesParams', listMessagesParamsSchema),
  list: named('ListParams', listParamsSchema),
  templateUpsert: named('TemplateUpsertRequest', templateUpsertRequestSchema),
  template: named('Template', templateSchema),
  templatePage: named('TemplatePage', templatePageSchema),
  previewRequest: named('TemplatePreviewRequest', templatePreviewRequestSchema),
  preview: named('TemplatePreview', templatePreviewSchema),
  deleted: named('DeletedResource', deletedResourceSchema),
  balance: named('Balance', balanceSchema),
  createKey: named('CreateApiKeyRequest', createApiKeyRequestSchema),
  createdKey: named('CreatedApiKey', createdApiKeySchema),
  keyPage: named('ApiKeyPage', apiKeyPageSchema),
  createSender: named('CreateSenderRequest', createSenderRequestSchema),
  sender: named('Sender', senderSchema),
  senderPage: named('SenderPage', senderPageSchema),
  createOptOut: named('CreateOptOutRequest', createOptOutRequestSchema),
  optOut: named('OptOut', optOutSchema),
  optOutDeleted: named('OptOutDeleted', optOutDeletedSchema),
  optOutPage: named('OptOutPage', optOutPageSchema),
  listOptOuts: named('ListOptOutsParams', listOptOutsParamsSchema),
  createConsent: named('CreateConsentRequest', createConsentRequestSchema),
  consent: named('Consent', consentSchema),
  consentPage: named('ConsentPage', consentPageSchema),
  listConsents: named('ListConsentsParams', listConsentsParamsSchema),
  createWebhook: named('CreateWebhookEndpointRequest', createWebhookEndpointRequestSchema),
  createdWebhook: named('CreatedWebhookEndpoint', createdWebhookEndpointSchema),
  webhook: named('WebhookEndpoint', webhookEndpointSchema),
  webhookPage: named('WebhookEndpointPage', webhookEndpointPageSchema),
  privacyRequest: named('PrivacyRequest', privacyRequestSchema),
  privacyExport: named('PrivacyExport', privacyExportSchema),
  privacyErasure: named('PrivacyErasure', privacyErasureSchema),
  health: named('Health', healthSchema),
  readiness: named('Readiness', readinessSchema),
  tokenRequest: named('OAuthTokenRequest', oauthTokenRequestSchema),
  tokenResponse: named('OAuthTokenResponse', oauthTokenResponseSchema),
} as const;

const SEND_ERRORS: readonly ErrorCode[] = [
  'insufficient_balance',
  'empty_body',
  'conflicting_fields',
  'batch_too_large',
  'invalid_phone_number',
  'not_a_mobile_number',
  'invalid_sender',
  'sender_not_registered',
  'template_not_found',
  'missing_template_variables',
  'opted_out',
  'consent_required',
];

/** Every route of ROUTE_SCOPES by `METHOD path`; a route missing here fails buildOpenApi. */
export const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  'POST /send': {
    operationId: 'messages.send',
    summary: 'Send one message or a batch of up to 1,000',
    request: S.send,
    response: S.sendResponse,
    status: '200',
    errors: SEND_ERRORS,
  },
  'GET /status/{id}': {
    operationId: 'messages.get',
    summary: 'A message with its status history',
    response: S.message,
    status: '200',
  },
  'GET /messages': {
    operationId: 'messages.list',
    summary: 'List messages, newest first',
    query: S.listMessages,
    response: S.messagePage,
    status: '200',
  },
  'POST /messages/{id}/cancel': {
    operationId: 'messages.cancel',
    summary: 'Cancel a scheduled or queued message (refunded)',
    response: S.message,
    status: '200',
    errors: ['conflict'],
  },
  'POST /template': {
    operationId: 'templates.upsert',
    summary: 'Create a template or a new version of one',
    request: S.templateUpsert,
    response: S.template,
    status: '200',
    mayCreate: true,
    errors: ['missing_template_variables', 'conflict'],
  },
  'POST /template/preview': {
    operationId: 'templates.preview',
    summary: 'Render a template without saving: text, encoding, segments and price',
    request: S.previewRequest,
    response: S.preview,
    status: '200',
    errors: ['missing_template_variables'],
  },
  'GET /templates': {
    operationId: 'templates.list',
    summary: 'List templates',
    query: S.list,
    response: S.templatePage,
    status: '200',
  },
  'GET /templates/{id}': {
    operationId: 'templates.get',
    summary: 'A template',
    response: S.template,
    status: '200',
  },
  'DELETE /templates/{id}': {
    operationId: 'templates.delete',
    summary: 'Delete a template',
    response: S.deleted,
    status: '200',
  },
  'GET /balance': {
    operationId: 'balance.get',
    summary: 'Balance and recent ledger entries',
    query: S.list,
    response: S.balance,
    status: '200',
  },
  'GET /keys': {
    operationId: 'apiKeys.list',
    summary: 'List API keys',
    query: S.list,
    response: S.keyPage,
    status: '200',
  },
  'POST /keys': {
    operationId: 'apiKeys.create',
    summary: 'Create an API key (the secret is shown once)',
    request: S.createKey,
    response: S.createdKey,
    status: '201',
    errors: ['invalid_ip_allowlist'],
  },
  'DELETE /keys/{id}': {
    operationId: 'apiKeys.revoke',
    summary: 'Revoke an API key',
    response: S.deleted,
    status: '200',
  },
  'GET /senders': {
    operationId: 'senders.list',
    summary: 'List sender IDs',
    query: S.list,
    response: S.senderPage,
    status: '200',
  },
  'POST /senders': {
    operationId: 'senders.create',
    summary: 'Register a sender ID',
    request: S.createSender,
    response: S.sender,
    status: '201',
    errors: ['invalid_sender', 'sender_exists'],
  },
  'GET /senders/{id}': { operationId: 'senders.get', summary: 'A sender ID', response: S.sender, status: '200' },
  'DELETE /senders/{id}': {
    operationId: 'senders.delete',
    summary: 'Delete a sender ID',
    response: S.deleted,
    status: '200',
  },
  'GET /opt-outs': {
    operationId: 'optOuts.list',
    summary: 'List opt-outs',
    query: S.listOptOuts,
    response: S.optOutPage,
    status: '200',
  },
  'POST /opt-outs': {
    operationId: 'optOuts.create',
    summary: 'Record an opt-out',
    request: S.createOptOut,
    response: S.optOut,
    status: '201',
  },
  'DELETE /opt-outs/{phoneNumber}': {
    operationId: 'optOuts.delete',
    summary: 'Remove an opt-out',
    response: S.optOutDeleted,
    status: '200',
  },
  'GET /consents': {
    operationId: 'consents.list',
    summary: 'List consents',
    query: S.listConsents,
    response: S.consentPage,
    status: '200',
  },
  'POST /consents': {
    operationId: 'consents.create',
    summary: 'Record marketing consent',
    request: S.createConsent,
    response: S.consent,
    status: '201',
  },
  'DELETE /consents/{phoneNumber}': {
    operationId: 'consents.revoke',
    summary: 'Revoke consent (answers the consent with revokedAt)',
    response: S.consent,
    status: '200',
  },
  'POST /webhooks': {
    operationId: 'webhookEndpoints.create',
    summary: 'Register a webhook endpoint (the whsec_ secret is shown once)',
    request: S.createWebhook,
    response: S.createdWebhook,
    status: '201',
    errors: ['webhook_url_not_allowed'],
  },
  'GET /webhooks': {
    operationId: 'webhookEndpoints.list',
    summary: 'List webhook endpoints',
    query: S.list,
    response: S.webhookPage,
    status: '200',
  },
  'GET /webhooks/{id}': {
    operationId: 'webhookEndpoints.get',
    summary: 'A webhook endpoint',
    response: S.webhook,
    status: '200',
  },
  'DELETE /webhooks/{id}': {
    operationId: 'webhookEndpoints.delete',
    summary: 'Delete a webhook endpoint',
    response: S.deleted,
    status: '200',
  },
  'POST /privacy/export': {
    operationId: 'privacy.export',
    summary: 'Everything held about a phone number',
    request: S.privacyRequest,
    response: S.privacyExport,
    status: '200',
  },
  'POST /privacy/erasure': {
    operationId: 'privacy.erase',
    summary: 'Erase a phone number from messages and consents',
    request: S.privacyRequest,
    response: S.privacyErasure,
    status: '200',
  },
  'POST /oauth/token': {
    operationId: 'oauth.token',
    summary: 'OAuth 2.0 client credentials: an access token for a key',
    request: S.tokenRequest,
    response: S.tokenResponse,
    status: '200',
    form: true,
  },
  'GET /health': { operationId: 'health.get', summary: 'Liveness', response: S.health, status: '200' },
  'GET /ready': {
    operationId: 'health.ready',
    summary: 'Readiness: the database answers',
    response: S.readiness,
    status: '200',
    errors: ['service_unavailable'],
  },
  'GET /openapi.json': {
    operationId: 'openapi.get',
    summary: 'The OpenAPI 3.1 document of this API',
    response: 'any',
    status: '200',
  },
};
