import { type ParsePhoneNumberResult, parsePhoneNumber } from '@karvon/sdk/phone';

/** Recent recipients kept: OTP and notification traffic repeats numbers, and a result is ~300 bytes. */
const CAPACITY = 10_000;
const recent = new Map<string, ParsePhoneNumberResult>();

/**
 * `parsePhoneNumber(to, { requireMobile: true })` with a small LRU of recent
 * inputs in front of it. Parsing is the largest library cost of a send (tens
 * of µs: libphonenumber's pattern matching plus formatting we do not use),
 * and its result depends only on the input text and the bundled metadata, so
 * a cached answer is exact. Results are frozen plain objects, shared safely.
 */
export function parseRecipient(to: string): ParsePhoneNumberResult {
  const hit = recent.get(to);
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks it most recent.
    recent.delete(to);
    recent.set(to, hit);
    return hit;
  }
  const parsed = Object.freeze(parsePhoneNumber(to, { requireMobile: true }));
  if (recent.size >= CAPACITY) recent.delete(recent.keys().next().value as string);
  recent.set(to, parsed);
  return parsed;
}
