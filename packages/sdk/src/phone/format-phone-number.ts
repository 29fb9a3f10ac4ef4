import { parsePhoneNumber } from './parse-phone-number';
import type { PhoneNumberFormat, PhoneNumberOptions } from './types';

/**
 * Formats a phone number, or returns `undefined` when it is not valid.
 * `'e164'` → `+998901234567`, `'international'` → `+998 90 123 45 67`,
 * `'national'` → `90 123 45 67`, `'rfc3966'` → `tel:+998901234567`.
 */
export function formatPhoneNumber(
  input: string,
  format: PhoneNumberFormat = 'e164',
  options: PhoneNumberOptions = {},
): string | undefined {
  const parsed = parsePhoneNumber(input, options);
  if (!parsed.valid) return undefined;
  switch (format) {
    case 'e164':
      return parsed.e164;
    case 'international':
      return parsed.international;
    case 'national':
      return parsed.national;
    case 'rfc3966':
      return `tel:${parsed.e164}`;
  }
}
