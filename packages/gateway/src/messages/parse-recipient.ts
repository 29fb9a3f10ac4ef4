import {
  type CheckedPhoneNumber,
  checkPhoneNumber,
  getUzbekOperatorHint,
  type PhoneNumberError,
  type UzbekOperatorHint,
} from '@karvon/sdk/phone';

/**
 * What a send needs of its recipient: validity (with the reason when not),
 * E.164, country, line type, and for Uzbek numbers the operator the prefix was
 * allocated to, which is stored on the message and used for sender checks and
 * pricing.
 */
export type Recipient = PhoneNumberError | (CheckedPhoneNumber & { readonly operatorHint?: UzbekOperatorHint });

/** Recent recipients kept: OTP and notification traffic repeats numbers, and a result is ~200 bytes. */
const CAPACITY = 10_000;
const recent = new Map<string, Recipient>();

function check(to: string): Recipient {
  const checked = checkPhoneNumber(to, { requireMobile: true });
  // Same rule as parsePhoneNumber's hint: only numbers libphonenumber places in UZ (+998).
  if (!checked.valid || checked.country !== 'UZ') return checked;
  const operatorHint = getUzbekOperatorHint(checked.e164);
  return operatorHint === undefined ? checked : { ...checked, operatorHint };
}

/**
 * `checkPhoneNumber(to, { requireMobile: true })` plus the Uzbek operator
 * hint, with a small LRU of recent inputs in front of it. The check is the
 * largest library cost of a send (≈ 30 µs of libphonenumber pattern matching;
 * `parsePhoneNumber` also built national and international forms the gateway
 * does not use, ≈ 45 µs), and its result depends only on the input text and
 * the bundled metadata, so a cached answer is exact. Results are frozen plain
 * objects, shared safely.
 */
export function parseRecipient(to: string): Recipient {
  const hit = recent.get(to);
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks it most recent.
    recent.delete(to);
    recent.set(to, hit);
    return hit;
  }
  const parsed = Object.freeze(check(to));
  if (recent.size >= CAPACITY) recent.delete(recent.keys().next().value as string);
  recent.set(to, parsed);
  return parsed;
}
