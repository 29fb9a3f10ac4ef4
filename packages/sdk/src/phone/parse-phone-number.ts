import { readPhoneNumber } from './internal/read-phone-number';
import { getUzbekOperatorHint } from './operators/uzbek-operator-hint';
import type { ParsePhoneNumberOptions, ParsePhoneNumberResult } from './types';

/**
 * Parses what a person or a system typed into a phone number, never throwing.
 *
 * Accepts E.164 (`+998901234567`), E.164 without `+` (`998901234567`),
 * national input with `defaultCountry` (`90 123 45 67`), any formatting
 * (`+998 (90) 123-45-67`) and digits of any script (Arabic-Indic, fullwidth…).
 * To validate only (no national/international forms, no operator hint), use
 * the cheaper `checkPhoneNumber`.
 *
 * @example
 * const result = parsePhoneNumber('90 123 45 67', { defaultCountry: 'UZ' });
 * if (result.valid) send(result.e164); else reject(result.reason);
 */
export function parsePhoneNumber(input: string, options: ParsePhoneNumberOptions = {}): ParsePhoneNumberResult {
  const read = readPhoneNumber(input, options);
  if (!read.valid) return read;
  const { phone, type, isMobile } = read;
  const e164 = phone.number;
  const operatorHint = phone.country === 'UZ' ? getUzbekOperatorHint(e164) : undefined;
  return {
    valid: true,
    e164,
    country: phone.country,
    countryCallingCode: phone.countryCallingCode,
    nationalNumber: phone.nationalNumber,
    type,
    isMobile,
    national: phone.formatNational(),
    international: phone.formatInternational(),
    ...(operatorHint === undefined ? {} : { operatorHint }),
  };
}
