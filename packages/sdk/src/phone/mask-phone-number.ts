import { callingCodeLength } from './calling-code-length';
import { normalizePhoneInput } from './normalize-phone-input';

// Numbers with fewer national digits than this are short codes or garbage:
// showing four of five digits would reveal the number, so all are hidden.
const MIN_NATIONAL_DIGITS_TO_REVEAL = 6;

/**
 * Masks a phone number for logs and error messages: keeps the country calling
 * code, the first two and the last two national digits, and replaces every
 * other digit with `*` (`'+998901234567'` → `'+99890*****67'`).
 *
 * Input without a `+` has no known country code, so only its last two digits
 * are kept. Formatting is dropped first, so no digit survives in a separator.
 */
export function maskPhoneNumber(input: string): string {
  const normalized = normalizePhoneInput(input);
  if (normalized.startsWith('+')) {
    const digits = normalized.slice(1);
    const codeLength = callingCodeLength(digits);
    const code = digits.slice(0, codeLength);
    const national = digits.slice(codeLength);
    if (national.length < MIN_NATIONAL_DIGITS_TO_REVEAL) return `+${code}${'*'.repeat(national.length)}`;
    return `+${code}${national.slice(0, 2)}${'*'.repeat(national.length - 4)}${national.slice(-2)}`;
  }
  if (normalized.length < MIN_NATIONAL_DIGITS_TO_REVEAL) return '*'.repeat(normalized.length);
  return `${'*'.repeat(normalized.length - 2)}${normalized.slice(-2)}`;
}
