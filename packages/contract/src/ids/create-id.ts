import { type IdKind, type IdOf, type IdPrefix, prefixOf } from './id-prefixes';

// Crockford base32: no I, L, O, U, so ids read aloud or retyped survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10; // 48 bits of milliseconds, good until the year 10889
const RANDOM_BYTES = 10; // 80 bits, as in ULID
const MAX_TIME = 2 ** 48 - 1;

export interface CreateIdOptions {
  /** Milliseconds since the epoch; injectable for tests. Default `Date.now()`. */
  now?: number;
  /** Fills a buffer with random bytes; default `crypto.getRandomValues` (edge-safe). */
  getRandomValues?: (bytes: Uint8Array) => Uint8Array;
}

// Monotonic within one millisecond: the second id of a millisecond increments
// the random part of the first, so ids minted in one process sort in creation
// order even when the clock has not moved.
let lastTime = -1;
let lastRandom: Uint8Array = new Uint8Array(RANDOM_BYTES);

// Random bytes are drawn from the platform 4 KB at a time: one getRandomValues call costs several
// microseconds whatever its size, and a busy gateway mints a dozen ids per message.
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

function pooledRandomBytes(): Uint8Array {
  if (poolOffset + RANDOM_BYTES > POOL_SIZE) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  // A copy: the monotonic increment below mutates it, and the pool is refilled later.
  const bytes = pool.slice(poolOffset, poolOffset + RANDOM_BYTES);
  poolOffset += RANDOM_BYTES;
  return bytes;
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits = 16 base32 characters, read 5 bits at a time, big-endian.
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** Adds one to a big-endian byte string; false when it overflowed. */
function increment(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 255) {
      bytes[i]! += 1;
      return true;
    }
    bytes[i] = 0;
  }
  return false;
}

/**
 * Mints a new id such as `msg_01JD3Y8Z6W4K1N2P3Q4R5S6T7V`: the prefix, then a
 * ULID-like body (10 characters of time, 16 of randomness) so ids sort by
 * creation time as strings.
 */
export function createId<K extends IdKind | IdPrefix>(kindOrPrefix: K, options: CreateIdOptions = {}): IdOf<K> {
  const time = options.now ?? Date.now();
  if (!Number.isInteger(time) || time < 0 || time > MAX_TIME) {
    throw new RangeError(`createId: time must be an integer between 0 and 2^48-1, got ${time}`);
  }
  let random: Uint8Array;
  if (time === lastTime && increment(lastRandom)) {
    random = lastRandom;
  } else {
    random = options.getRandomValues ? options.getRandomValues(new Uint8Array(RANDOM_BYTES)) : pooledRandomBytes();
    // Leave headroom for increments within this millisecond.
    random[0]! &= 0x7f;
    lastTime = time;
    lastRandom = random;
  }
  return `${prefixOf(kindOrPrefix)}_${encodeTime(time)}${encodeRandom(random)}` as IdOf<K>;
}
