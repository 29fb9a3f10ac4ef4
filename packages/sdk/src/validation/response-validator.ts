import type { ResponseIssue } from '../errors/response-validation-error';

/** Names of the contract's response schemas the client can check a 2xx body against. */
export type ResponseSchemaName =
  | 'sendMessageResponseSchema'
  | 'messageSchema'
  | 'messagePageSchema'
  | 'templateSchema'
  | 'templatePageSchema'
  | 'templatePreviewSchema'
  | 'deletedResourceSchema'
  | 'balanceSchema'
  | 'apiKeyPageSchema'
  | 'createdApiKeySchema'
  | 'senderSchema'
  | 'senderPageSchema'
  | 'optOutSchema'
  | 'optOutPageSchema'
  | 'optOutDeletedSchema'
  | 'consentSchema'
  | 'consentPageSchema'
  | 'webhookEndpointSchema'
  | 'webhookEndpointPageSchema'
  | 'createdWebhookEndpointSchema'
  | 'webhookAttemptListSchema'
  | 'webhookReplaySchema'
  | 'rotatedWebhookSecretSchema'
  | 'webhookEventSchema'
  | 'privacyExportSchema'
  | 'privacyErasureSchema'
  | 'healthSchema'
  | 'readinessSchema'
  | 'oauthTokenResponseSchema';

/**
 * Checks a 2xx body: returns the mismatches (paths and messages, never values) or an empty list.
 * Passed as `validateResponses` so the schemas are only in an app's bundle when it asks for them.
 */
export type ResponseValidator = (schema: ResponseSchemaName, value: unknown) => readonly ResponseIssue[];
