import { decodeBase64 } from './internal/base64';
import { constantTimeEqual } from './internal/constant-time-equal';
import { readWebhookHeaders } from './internal/read-webhook-headers';
import { signedContent } from './internal/signed-content';
import { subtleCrypto, type WebhookKey, webhookKey } from './internal/webhook-keys';
import type { WebhookHeadersInput } from './webhook-headers';
import type { WebhookRawBody } from './webhook-raw-body';
import { WebhookVerificationError } from './webhook-verification-error';

/** One secret, or several while rotating (any of them may match). */
export type WebhookSecrets = string | readonly string[];

export interface VerifyWebhookSignatureOptions {
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300; `Infinity` disables the check. */
  toleranceSec?: number;
  /** The current time; tests fix it here. Default `new Date()`. */
  now?: Date;
}

export interface VerifiedWebhookSignature {
  /** `webhook-id`: the same across retries of one delivery, so use it to drop duplicates. */
  id: string;
  /** `webhook-timestamp` as a Date. */
  timestamp: Date;
  /** Which scheme matched: `v1` (HMAC-SHA256, whsec_) or `v1a` (Ed25519, whpk_). */
  scheme: 'v1' | 'v1a';
}

export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;

const TIMESTAMP = /^\d{1,15}$/;
const HMAC_LENGTH = 32;
const ED25519_SIGNATURE_LENGTH = 64;

/**
 * Checks a Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`) over the raw body, for any sender that follows the
 * specification. Resolves with the id and timestamp, or rejects with a
 * {@link WebhookVerificationError} whose `reason` says why.
 */
export async function verifyWebhookSignature(
  rawBody: WebhookRawBody,
  headers: WebhookHeadersInput,
  secretOrSecrets: WebhookSecrets,
  options: VerifyWebhookSignatureOptions = {},
): Promise<VerifiedWebhookSignature> {
  const { id, timestamp, signature } = readWebhookHeaders(headers);

  if (!TIMESTAMP.test(timestamp)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'webhook-timestamp must be an integer number of seconds since the Unix epoch.',
    );
  }
  const seconds = Number(timestamp);
  const tolerance = options.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
  if (!(tolerance >= 0)) throw new RangeError('toleranceSec must be a number >= 0 (or Infinity).');
  const nowSec = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (nowSec - seconds > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `webhook-timestamp is ${nowSec - seconds}s old, beyond the ${tolerance}s tolerance (a replay, or a clock off).`,
    );
  }
  if (seconds - nowSec > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `webhook-timestamp is ${seconds - nowSec}s in the future, beyond the ${tolerance}s tolerance (check the clocks).`,
    );
  }

  const secrets: readonly string[] = typeof secretOrSecrets === 'string' ? [secretOrSecrets] : secretOrSecrets;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new WebhookVerificationError('malformed_secret', 'No webhook secret was given.');
  }
  // Parse and import every secret before looking at signatures, so a
  // misconfigured secret is reported as such, not as a signature mismatch.
  const keys: WebhookKey[] = [];
  for (const secret of secrets) {
    // Cached keys come back as they are, not in a promise: no await on the hot path.
    const ready = webhookKey(secret);
    const key = ready instanceof Promise ? await ready : ready;
    if (key.kind === 'ed25519-secret') {
      throw new WebhookVerificationError(
        'malformed_secret',
        'A whsk_ key signs webhooks; verify them with its whpk_ public key.',
      );
    }
    // The same secret listed twice is the same cached key: check it once.
    if (!keys.includes(key)) keys.push(key);
  }

  const { v1, v1a } = parseSignatures(signature);
  const content = signedContent(id, timestamp, rawBody);
  for (const key of keys) {
    if (key.kind === 'hmac' && v1.length > 0) {
      // One HMAC per secret, compared with every v1 candidate. Synchronous on
      // Node, Bun and Deno (internal/hmac-sha256.ts), so no await unless needed.
      const mac = key.hmac(content);
      const expected = mac instanceof Promise ? await mac : mac;
      // Compare against every candidate without stopping at the first
      // difference inside one; stopping after a full match is fine.
      for (const candidate of v1) {
        if (constantTimeEqual(expected, candidate)) return verified(id, seconds, 'v1');
      }
    } else if (key.kind === 'ed25519-public' && v1a.length > 0) {
      const crypto = subtleCrypto();
      for (const candidate of v1a) {
        if (await crypto.verify('Ed25519', key.key, candidate, content)) return verified(id, seconds, 'v1a');
      }
    }
  }
  throw new WebhookVerificationError(
    'no_matching_signature',
    `No signature matches the ${secrets.length === 1 ? 'secret' : `${secrets.length} secrets`} given. ` +
      'Check the secret, and that the body is the raw bytes received (not JSON parsed and serialized again).',
  );
}

function verified(id: string, seconds: number, scheme: 'v1' | 'v1a'): VerifiedWebhookSignature {
  return { id, timestamp: new Date(seconds * 1000), scheme };
}

interface Candidates {
  v1: Uint8Array[];
  v1a: Uint8Array<ArrayBuffer>[];
}

/**
 * `webhook-signature` is a space-separated list of `<version>,<base64>`.
 * Unknown versions and undecodable entries are skipped, not fatal: a sender
 * may add schemes this code does not know yet.
 */
function parseSignatures(header: string): Candidates {
  const candidates: Candidates = { v1: [], v1a: [] };
  for (let token of header.split(/\s+/)) {
    // Headers joined by a Fetch `Headers` object are separated by ", ";
    // base64 never ends in a comma, so a trailing one is a separator.
    if (token.endsWith(',')) token = token.slice(0, -1);
    const comma = token.indexOf(',');
    if (comma <= 0) continue;
    const version = token.slice(0, comma);
    if (version !== 'v1' && version !== 'v1a') continue;
    const bytes = decodeBase64(token.slice(comma + 1));
    if (bytes === undefined) continue;
    if (version === 'v1' && bytes.length === HMAC_LENGTH) candidates.v1.push(bytes);
    if (version === 'v1a' && bytes.length === ED25519_SIGNATURE_LENGTH) {
      candidates.v1a.push(bytes);
    }
  }
  return candidates;
}
