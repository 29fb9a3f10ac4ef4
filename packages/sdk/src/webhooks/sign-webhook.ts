import { encodeBase64 } from './internal/base64';
import { signedContent } from './internal/signed-content';
import { subtleCrypto, webhookKey } from './internal/webhook-keys';
import type { WebhookSecrets } from './verify-webhook-signature';
import type { WebhookSignatureHeaders } from './webhook-headers';
import type { WebhookRawBody } from './webhook-raw-body';
import { WebhookVerificationError } from './webhook-verification-error';

export interface SignWebhookInput {
  /** `webhook-id`: unique per event and kept across retries (e.g. the event's `evt_…` id). No `.` allowed. */
  id: string;
  /** When the attempt is sent: a Date or Unix seconds. Default now. */
  timestamp?: Date | number;
  /** The exact body that will be sent. */
  body: WebhookRawBody;
  /**
   * `whsec_…` (HMAC-SHA256, `v1`) or `whsk_…` (Ed25519, `v1a`). Several
   * secrets produce several signatures, for rotation without downtime.
   */
  secret: WebhookSecrets;
}

/**
 * Signs one webhook delivery per the Standard Webhooks specification and
 * returns the three headers to send with the body.
 */
export async function signWebhook(input: SignWebhookInput): Promise<WebhookSignatureHeaders> {
  const { id, body } = input;
  if (typeof id !== 'string' || id === '' || id.includes('.') || /\s/.test(id)) {
    // A `.` would make `${id}.${timestamp}.${body}` ambiguous.
    throw new TypeError('A webhook id must be a non-empty string without dots or whitespace.');
  }
  const seconds = toSeconds(input.timestamp ?? new Date());
  const timestamp = String(seconds);
  const secrets: readonly string[] = typeof input.secret === 'string' ? [input.secret] : input.secret;
  if (secrets.length === 0) throw new WebhookVerificationError('malformed_secret', 'No webhook secret was given.');

  const content = signedContent(id, timestamp, body);
  const signatures: string[] = [];
  for (const secret of secrets) {
    const key = await webhookKey(secret);
    if (key.kind === 'hmac') {
      signatures.push(`v1,${encodeBase64(await key.hmac(content))}`);
    } else if (key.kind === 'ed25519-secret') {
      const signature = await subtleCrypto().sign('Ed25519', key.key, content);
      signatures.push(`v1a,${encodeBase64(new Uint8Array(signature))}`);
    } else {
      throw new WebhookVerificationError(
        'malformed_secret',
        'A whpk_ public key can only verify; sign with the whsk_ secret key.',
      );
    }
  }
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}

function toSeconds(timestamp: Date | number): number {
  const seconds = typeof timestamp === 'number' ? timestamp : Math.floor(timestamp.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TypeError('A webhook timestamp must be a valid Date or a non-negative integer of Unix seconds.');
  }
  return seconds;
}
