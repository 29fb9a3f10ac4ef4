/**
 * The shape of Karvon API keys: `kv_live_` or `kv_test_`, 32 characters of
 * base62 randomness, and a 6-character base62 CRC32 checksum of those 32
 * characters, e.g. `kv_live_4Zb3…Qx9a0c1Kd2`.
 *
 * - The prefix is our own, so secret scanners (GitHub, GitGuardian,
 *   TruffleHog) tell a Karvon key from other vendors' keys, and a human sees
 *   at a glance whether a key is live or test.
 * - The checksum lets a scanner validate a hit offline, without calling us,
 *   which removes nearly all false positives (GitHub's token format does the
 *   same). It is not a security feature: CRC32 is public and anyone can forge
 *   one; authentication is the hash lookup in api-key-hash.ts.
 * - 32 base62 characters are 190 bits of entropy, far beyond guessing, which
 *   is also why a fast hash is enough to store them.
 *
 * docs/reference/api-keys.md describes the format for scanner authors.
 */

/** `live` keys reach carriers and are billed; `test` keys are sandboxed. */
export type ApiKeyMode = 'live' | 'test';

export const API_KEY_MODES = ['live', 'test'] as const satisfies readonly ApiKeyMode[];

/** Characters of randomness after the prefix. */
export const API_KEY_RANDOM_LENGTH = 32;
/** Characters of the base62 CRC32 checksum at the end. */
export const API_KEY_CHECKSUM_LENGTH = 6;
/** Total length of a key: `kv_live_` (8) + 32 + 6. */
export const API_KEY_LENGTH = 8 + API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH;

/** The regular expression secret scanners can use (also in docs/reference/api-keys.md). */
export const API_KEY_PATTERN = /^kv_(live|test)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface GeneratedApiKey {
  /** The secret: show it once, store only its hash. */
  readonly key: string;
  readonly mode: ApiKeyMode;
  /** The last 4 characters, safe to store and show (`kv_live_…WXYZ`). */
  readonly last4: string;
}

export type ParseApiKeyResult =
  | { readonly ok: true; readonly mode: ApiKeyMode; readonly last4: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad_checksum' };

/** Supplies random bytes; `crypto.getRandomValues` by default, injectable for tests. */
export type RandomBytes = (length: number) => Uint8Array;

const defaultRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, polynomial 0xEDB88320, as in zlib and PNG) of ASCII text. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    // Keys are ASCII; other code units are folded to their low byte.
    crc = crcTable[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A number as base62 (`0-9A-Za-z`), left-padded with `0` to `width`. 62^6 > 2^32, so 6 fits any CRC32. */
function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** The 6-character checksum of the random part of a key. */
export function apiKeyChecksum(randomPart: string): string {
  return toBase62(crc32(randomPart), API_KEY_CHECKSUM_LENGTH);
}

function randomBase62(length: number, randomBytes: RandomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting 248..255 keeps every character equally likely.
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Creates a new key. Show `key` to the user once; store `hashApiKey(key)` and `last4`. */
export function generateApiKey(mode: ApiKeyMode, randomBytes: RandomBytes = defaultRandomBytes): GeneratedApiKey {
  const random = randomBase62(API_KEY_RANDOM_LENGTH, randomBytes);
  const key = `kv_${mode}_${random}${apiKeyChecksum(random)}`;
  return { key, mode, last4: key.slice(-4) };
}

/**
 * Checks a string's shape and checksum, without any lookup: `malformed` when
 * it is not a Karvon key at all, `bad_checksum` when it looks like one but a
 * character was changed (a typo, a truncated copy). Either way the caller
 * answers 401 `invalid_api_key` without touching storage.
 */
export function parseApiKey(value: string): ParseApiKeyResult {
  const m = API_KEY_PATTERN.exec(value);
  if (!m) return { ok: false, reason: 'malformed' };
  if (apiKeyChecksum(m[2]!) !== m[3]) return { ok: false, reason: 'bad_checksum' };
  return { ok: true, mode: m[1] as ApiKeyMode, last4: value.slice(-4) };
}

/**
 * A form safe for logs and listings: the prefix and the last 4 characters
 * (`kv_live_…WXYZ`). Anything that is not a Karvon key becomes `[redacted]`,
 * so a pasted secret of another vendor never reaches a log either.
 */
export function redactApiKey(value: string): string {
  const m = /^kv_(live|test)_/.exec(value);
  if (!m || value.length < API_KEY_LENGTH) return '[redacted]';
  return `${m[0]}…${value.slice(-4)}`;
}
