import { checkPhoneNumber } from './check-phone-number';
import type { PhoneNumberOptions } from './types';

/**
 * `true` when the input is a valid number that can be a mobile: `mobile`, or
 * `fixed_line_or_mobile` where the country's plan does not tell them apart.
 */
export function isValidMobileNumber(input: string, options: PhoneNumberOptions = {}): boolean {
  return checkPhoneNumber(input, { ...options, requireMobile: true }).valid;
}
