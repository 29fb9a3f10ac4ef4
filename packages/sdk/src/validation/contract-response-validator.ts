import {
  apiKeyPageSchema,
  balanceSchema,
  consentPageSchema,
  consentSchema,
  createdApiKeySchema,
  createdWebhookEndpointSchema,
  deletedResourceSchema,
  healthSchema,
  messagePageSchema,
  messageSchema,
  oauthTokenResponseSchema,
  optOutDeletedSchema,
  optOutPageSchema,
  optOutSchema,
  privacyErasureSchema,
  privacyExportSchema,
  readinessSchema,
  rotatedWebhookSecretSchema,
  senderPageSchema,
  senderSchema,
  sendMessageResponseSchema,
  templatePageSchema,
  templatePreviewSchema,
  templateSchema,
  webhookAttemptListSchema,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
  webhookEventSchema,
  webhookReplaySchema,
} from '@karvon/contract';
import type { ResponseSchemaName, ResponseValidator } from './response-validator';

interface StandardSchemaLike {
  '~standard': {
    validate(value: unknown): unknown;
  };
}

interface StandardResult {
  issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }>;
}

const SCHEMAS: Record<ResponseSchemaName, StandardSchemaLike> = {
  sendMessageResponseSchema,
  messageSchema,
  messagePageSchema,
  templateSchema,
  templatePageSchema,
  templatePreviewSchema,
  deletedResourceSchema,
  balanceSchema,
  apiKeyPageSchema,
  createdApiKeySchema,
  senderSchema,
  senderPageSchema,
  optOutSchema,
  optOutPageSchema,
  optOutDeletedSchema,
  consentSchema,
  consentPageSchema,
  webhookEndpointSchema,
  webhookEndpointPageSchema,
  createdWebhookEndpointSchema,
  webhookAttemptListSchema,
  webhookReplaySchema,
  rotatedWebhookSecretSchema,
  webhookEventSchema,
  privacyExportSchema,
  privacyErasureSchema,
  healthSchema,
  readinessSchema,
  oauthTokenResponseSchema,
};

function pointerOf(path: ReadonlyArray<unknown>): string {
  return path
    .map((segment) => {
      const key = typeof segment === 'object' && segment !== null && 'key' in segment ? segment.key : segment;
      return `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    })
    .join('');
}

/**
 * Checks 2xx bodies against the contract's zod/mini schemas through the Standard Schema interface.
 * Response schemas accept unknown fields and enum values, so a newer gateway never breaks an older SDK.
 *
 * ```ts
 * import { contractResponseValidator } from '@karvon/sdk/validation';
 * const karvon = new Karvon({ apiKey, baseUrl, validateResponses: contractResponseValidator });
 * ```
 */
export const contractResponseValidator: ResponseValidator = (schemaName, value) => {
  const result = SCHEMAS[schemaName]['~standard'].validate(value) as StandardResult;
  return (result.issues ?? []).map((issue) => ({ path: pointerOf(issue.path ?? []), message: issue.message }));
};
