import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The stored form of an API key: SHA-256 of the whole key, lower-case hex.
 *
 * Why a fast hash and not bcrypt/scrypt/argon2: those slow hashes exist to
 * protect low-entropy passwords against offline guessing. Our keys carry 190
 * bits of randomness (api-key-format.ts), so even a leaked hash table cannot
 * be brute-forced at any speed, while a slow hash would cost tens of
 * milliseconds on every authenticated request. GitHub and Stripe store tokens
 * the same way. A fast deterministic hash also lets us look a key up by its
 * hash with an index (no per-row salt to try).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Compares two strings (such as hex hashes) in time that does not depend on
 * where they first differ. Different lengths return false at once: the length
 * of a hash is public.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** True when `key` hashes to `storedHash`, compared in constant time. */
export function verifyApiKey(key: string, storedHash: string): boolean {
  return constantTimeEqual(hashApiKey(key), storedHash);
}
