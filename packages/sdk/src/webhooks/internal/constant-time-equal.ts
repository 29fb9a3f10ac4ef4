/**
 * Compares two byte arrays in time that depends only on their lengths, never
 * on where they first differ, so a verifier cannot be used as an oracle that
 * reveals a valid signature byte by byte. Lengths are public (a v1 signature
 * is always 32 bytes), so an early return on a length mismatch leaks nothing.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
