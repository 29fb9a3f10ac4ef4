// Crockford's base32, lower case: no i, l, o, u, so ids read back unambiguously.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * `{prefix}_` + 26 characters, ULID-shaped: 10 of time (ms) then 16 random (80 bits). Ids made
 * later sort after earlier ones, which makes `id` a stable tie-break for rows made in the same ms.
 */
export function newId(prefix: string, now: number): string {
  let time = '';
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte & 31];
  return `${prefix}_${time}${random}`;
}
