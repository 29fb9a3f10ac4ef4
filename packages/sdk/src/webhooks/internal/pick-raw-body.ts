import { WebhookVerificationError } from '../webhook-verification-error';

function isBytes(value: unknown): value is Uint8Array {
  // Node's Buffer is a Uint8Array; a cross-realm one still has the tag.
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/**
 * Returns the first candidate that is the raw body (bytes or a string), or
 * throws with the framework-specific fix when only a parsed body is there.
 */
export function pickRawBody(candidates: readonly unknown[], fix: string): Uint8Array | string {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' || isBytes(candidate)) return candidate;
    if (candidate instanceof ArrayBuffer) return new Uint8Array(candidate);
  }
  const parsed = candidates.some((candidate) => typeof candidate === 'object' && candidate !== null);
  throw new WebhookVerificationError(
    'raw_body_unavailable',
    `${parsed ? 'The body was already parsed, so the signed bytes are gone.' : 'The request has no raw body.'} ${fix}`,
  );
}
