import { WebhookVerificationError } from '../webhook-verification-error';
import { decodeBase64 } from './base64';
import { type HmacSha256, hmacSha256 } from './hmac-sha256';

// Secret formats of the Standard Webhooks specification (spec/standard-webhooks.md,
// "Signature scheme"): `whsec_` + base64 of 24-64 random bytes for HMAC-SHA256
// (`v1`); `whsk_` / `whpk_` + base64 of an Ed25519 secret / public key (`v1a`).
// A secret without a prefix is taken as an HMAC secret, as the reference
// libraries do.

export type SecretKind = 'hmac' | 'ed25519-public' | 'ed25519-secret';

export interface ParsedSecret {
  kind: SecretKind;
  bytes: Uint8Array<ArrayBuffer>;
}

const PREFIXES: ReadonlyArray<readonly [string, SecretKind]> = [
  ['whsec_', 'hmac'],
  ['whpk_', 'ed25519-public'],
  ['whsk_', 'ed25519-secret'],
];

export function parseWebhookSecret(secret: string): ParsedSecret {
  if (typeof secret !== 'string') {
    throw new WebhookVerificationError('malformed_secret', 'A webhook secret must be a string.');
  }
  const trimmed = secret.trim();
  let kind: SecretKind = 'hmac';
  let body = trimmed;
  for (const [prefix, prefixKind] of PREFIXES) {
    if (trimmed.startsWith(prefix)) {
      kind = prefixKind;
      body = trimmed.slice(prefix.length);
      break;
    }
  }
  if (body === '') {
    throw new WebhookVerificationError('malformed_secret', 'The webhook secret is empty.');
  }
  const bytes = decodeBase64(body);
  if (bytes === undefined || bytes.length === 0) {
    throw new WebhookVerificationError(
      'malformed_secret',
      'The webhook secret is not valid base64 after its prefix (expected whsec_<base64>, as shown in the dashboard).',
    );
  }
  if (kind === 'ed25519-public' && bytes.length !== 32) {
    throw new WebhookVerificationError(
      'malformed_secret',
      `A whpk_ public key must be 32 bytes of Ed25519 key, got ${bytes.length}.`,
    );
  }
  if (kind === 'ed25519-secret' && bytes.length !== 32 && bytes.length !== 64) {
    throw new WebhookVerificationError(
      'malformed_secret',
      `A whsk_ signing key must be a 32-byte Ed25519 seed (or 64 bytes, seed then public key), got ${bytes.length}.`,
    );
  }
  return { kind, bytes };
}

// Parsing and importing a key costs far more than one HMAC over a small body,
// and a receiver verifies with the same one or two secrets all day: keep the
// prepared keys, keyed by the secret string as given. Bounded, so code that
// mints secrets per request cannot grow it forever.
const MAX_CACHED_KEYS = 256;
const keyCache = new Map<string, WebhookKey | Promise<WebhookKey>>();

function remember(secret: string, entry: WebhookKey | Promise<WebhookKey>): WebhookKey | Promise<WebhookKey> {
  if (keyCache.size >= MAX_CACHED_KEYS) {
    const oldest = keyCache.keys().next();
    if (!oldest.done) keyCache.delete(oldest.value);
  }
  keyCache.set(secret, entry);
  if (entry instanceof Promise) {
    entry.then(
      (key) => {
        if (keyCache.get(secret) === entry) keyCache.set(secret, key);
      },
      () => keyCache.delete(secret),
    );
  }
  return entry;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) {
    throw new WebhookVerificationError(
      'unsupported_algorithm',
      'Web Crypto (globalThis.crypto.subtle) is not available; browsers expose it only in secure contexts (https).',
    );
  }
  return s;
}

export function unsupportedEd25519(cause: unknown): WebhookVerificationError {
  return new WebhookVerificationError(
    'unsupported_algorithm',
    'This runtime has no Ed25519 in Web Crypto, which whsk_/whpk_ keys (v1a signatures) need. ' +
      'Node >= 22, Deno, Bun, Cloudflare Workers, Chrome 137+, Firefox 129+ and Safari 17+ have it; use a whsec_ secret elsewhere.',
    { cause },
  );
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410 §7): Web Crypto
// imports private Ed25519 keys only as pkcs8 or jwk, never as raw bytes.
const ED25519_PKCS8_PREFIX = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
);

async function importEd25519Key(
  kind: 'ed25519-public' | 'ed25519-secret',
  bytes: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  const crypto = subtle();
  try {
    if (kind === 'ed25519-public') {
      return await crypto.importKey('raw', bytes, { name: 'Ed25519' }, false, ['verify']);
    }
    const pkcs8 = new Uint8Array(48);
    pkcs8.set(ED25519_PKCS8_PREFIX);
    pkcs8.set(bytes.subarray(0, 32), 16);
    return await crypto.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') throw unsupportedEd25519(error);
    throw new WebhookVerificationError('malformed_secret', 'The Ed25519 key could not be imported.', {
      cause: error,
    });
  }
}

/** A secret made ready to use: an HMAC function (`v1`) or an imported Ed25519 key (`v1a`). */
export type WebhookKey =
  | { kind: 'hmac'; hmac: HmacSha256 }
  | { kind: 'ed25519-public' | 'ed25519-secret'; key: CryptoKey };

/**
 * Parses and prepares a secret, once per distinct secret string. Returns the
 * cached key itself when it is ready, so the hot path allocates no promise;
 * on runtimes with the synchronous HMAC even the first call is synchronous.
 */
export function webhookKey(secret: string): WebhookKey | Promise<WebhookKey> {
  const cached = keyCache.get(secret);
  if (cached !== undefined) return cached;
  const parsed = parseWebhookSecret(secret);
  if (parsed.kind === 'hmac') {
    const hmac = hmacSha256(parsed.bytes, subtle);
    return remember(
      secret,
      typeof hmac === 'function' ? { kind: 'hmac', hmac } : hmac.then((ready) => ({ kind: 'hmac', hmac: ready })),
    );
  }
  const { kind } = parsed;
  return remember(
    secret,
    importEd25519Key(kind, parsed.bytes).then((key) => ({ kind, key })),
  );
}

export function subtleCrypto(): SubtleCrypto {
  return subtle();
}
