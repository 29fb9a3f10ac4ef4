import { readPhoneNumber } from './internal/read-phone-number';
import type { CheckPhoneNumberResult, ParsePhoneNumberOptions } from './types';

/**
 * Validates a phone number and tells whether it can be a mobile, without
 * building the national and international forms or the operator hint: about
 * half the cost of `parsePhoneNumber`, for hot paths such as a gateway's send.
 *
 * Reads the same inputs as `parsePhoneNumber` (any formatting, digits of any
 * script, Uzbek trunk forms with `defaultCountry: 'UZ'`) and answers the same:
 * the same `valid`, `e164`, `country`, `type`, `isMobile`, and the same
 * `reason` when it fails. With `requireMobile`, a number that cannot be a
 * mobile fails with `not_a_mobile_number`.
 *
 * @example
 * const result = checkPhoneNumber(to, { defaultCountry: 'UZ', requireMobile: true });
 * if (!result.valid) reject(result.reason);
 */
export function checkPhoneNumber(input: string, options: ParsePhoneNumberOptions = {}): CheckPhoneNumberResult {
  const read = readPhoneNumber(input, options);
  if (!read.valid) return read;
  const { phone, type, isMobile } = read;
  return { valid: true, e164: phone.number, country: phone.country, type, isMobile };
}
