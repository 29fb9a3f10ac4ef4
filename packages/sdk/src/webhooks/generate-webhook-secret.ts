import { encodeBase64 } from './internal/base64';

export interface GenerateWebhookSecretOptions {
  /** Random bytes in the secret, 24 to 64 as the specification asks. Default 32. */
  bytes?: number;
}

/** A new symmetric signing secret, `whsec_` + base64 of random bytes from `crypto.getRandomValues`. */
export function generateWebhookSecret(options: GenerateWebhookSecretOptions = {}): `whsec_${string}` {
  const length = options.bytes ?? 32;
  if (!Number.isInteger(length) || length < 24 || length > 64) {
    throw new RangeError('A webhook secret must have 24 to 64 random bytes.');
  }
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return `whsec_${encodeBase64(bytes)}`;
}
