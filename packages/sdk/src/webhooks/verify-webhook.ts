import {
  type VerifyWebhookSignatureOptions,
  verifyWebhookSignature,
  type WebhookSecrets,
} from './verify-webhook-signature';
import type { WebhookEvent } from './webhook-event';
import type { WebhookHeadersInput } from './webhook-headers';
import type { WebhookRawBody } from './webhook-raw-body';
import { WebhookVerificationError } from './webhook-verification-error';

export type VerifyWebhookOptions = VerifyWebhookSignatureOptions;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies a Karvon webhook (Standard Webhooks signature and timestamp) and
 * returns its event, typed by `type`. An event type this SDK does not know
 * comes back as an `UnknownEvent`, not an error. The payload's shape is
 * trusted once the signature holds; it is not validated field by field.
 *
 * @example
 * const event = await verifyWebhook(rawBody, request.headers, process.env.KARVON_WEBHOOK_SECRET);
 * switch (event.type) {
 *   case 'message.delivered': markDelivered(event.data.messageId); break;
 *   default: // a newer event type: acknowledge it
 * }
 */
export async function verifyWebhook(
  rawBody: WebhookRawBody,
  headers: WebhookHeadersInput,
  secretOrSecrets: WebhookSecrets,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  await verifyWebhookSignature(rawBody, headers, secretOrSecrets, options);
  let payload: unknown;
  try {
    payload = JSON.parse(typeof rawBody === 'string' ? rawBody : decoder.decode(rawBody));
  } catch (error) {
    throw new WebhookVerificationError('invalid_json', 'The webhook body is signed correctly but is not valid JSON.', {
      cause: error,
    });
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload) ||
    typeof (payload as { type?: unknown }).type !== 'string'
  ) {
    throw new WebhookVerificationError('invalid_event', 'The webhook body is JSON but not an event: it has no "type".');
  }
  return payload as WebhookEvent;
}
