// Metadata choice: libphonenumber-js/max.
// Measured with esbuild (minify, ESM, neutral) + gzip for parse + getType +
// format + length check: min 29.3 KB, mobile 34.0 KB, max 49.7 KB.
// `min` cannot tell a mobile number from a fixed line. `mobile` can only say
// "valid mobile or not": a fixed line and a malformed number look the same,
// so we could not answer `not_a_mobile_number` nor report `fixed_line`,
// `toll_free`, `fixed_line_or_mobile` (US/CA). `max` costs ~16 KB more and
// only in this subpath, which the SDK root does not import: the gateway and
// forms that validate numbers opt into it with `@karvon/sdk/phone`.
import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  type PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { normalizePhoneInput } from './normalize-phone-input';
import { getUzbekOperatorHint } from './operators/uzbek-operator-hint';
import type {
  ParsedPhoneNumber,
  ParsePhoneNumberOptions,
  ParsePhoneNumberResult,
  PhoneNumberError,
  PhoneNumberErrorReason,
  PhoneNumberType,
} from './types';

const MESSAGES: Readonly<Record<PhoneNumberErrorReason, string>> = {
  invalid_phone_number: 'The phone number is not valid.',
  too_short: 'The phone number is too short.',
  too_long: 'The phone number is too long.',
  invalid_country: 'The country or country calling code is not valid.',
  not_a_mobile_number: 'The phone number is not a mobile number.',
};

const TYPES: Readonly<Record<NonNullable<NumberType>, PhoneNumberType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

function failure(reason: PhoneNumberErrorReason): PhoneNumberError {
  return { valid: false, reason, message: MESSAGES[reason] };
}

/**
 * The strings to try, best first. Without a default country, digits without
 * a `+` are read as an international number (`00` or `+` left out). With
 * Uzbekistan as default, the pre-2021 dialling habits still typed by people
 * are accepted: trunk prefix `8 90 123 45 67` and international `8 10 …`;
 * libphonenumber's current UZ metadata has neither.
 */
function candidates(normalized: string, country: CountryCode | undefined): string[] {
  if (normalized.startsWith('+')) return [normalized];
  if (country === undefined) return [normalized.startsWith('00') ? `+${normalized.slice(2)}` : `+${normalized}`];
  const list = [normalized];
  if (country === 'UZ') {
    if (/^8\d{9}$/.test(normalized)) list.push(normalized.slice(1));
    if (/^810\d{8,}$/.test(normalized)) list.push(`+${normalized.slice(3)}`);
  }
  return list;
}

function reasonFor(text: string, country: CountryCode | undefined): PhoneNumberErrorReason {
  switch (validatePhoneNumberLength(text, country)) {
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    case 'INVALID_COUNTRY':
      return 'invalid_country';
    default:
      return 'invalid_phone_number';
  }
}

function toParsed(phone: PhoneNumber): ParsedPhoneNumber {
  const numberType = phone.getType();
  const type: PhoneNumberType = numberType === undefined ? 'unknown' : TYPES[numberType];
  const e164 = phone.number;
  const operatorHint = phone.country === 'UZ' ? getUzbekOperatorHint(e164) : undefined;
  return {
    valid: true,
    e164,
    country: phone.country,
    countryCallingCode: phone.countryCallingCode,
    nationalNumber: phone.nationalNumber,
    type,
    isMobile: type === 'mobile' || type === 'fixed_line_or_mobile',
    national: phone.formatNational(),
    international: phone.formatInternational(),
    ...(operatorHint === undefined ? {} : { operatorHint }),
  };
}

/**
 * Parses what a person or a system typed into a phone number, never throwing.
 *
 * Accepts E.164 (`+998901234567`), E.164 without `+` (`998901234567`),
 * national input with `defaultCountry` (`90 123 45 67`), any formatting
 * (`+998 (90) 123-45-67`) and digits of any script (Arabic-Indic, fullwidth…).
 *
 * @example
 * const result = parsePhoneNumber('90 123 45 67', { defaultCountry: 'UZ' });
 * if (result.valid) send(result.e164); else reject(result.reason);
 */
export function parsePhoneNumber(input: string, options: ParsePhoneNumberOptions = {}): ParsePhoneNumberResult {
  let country: CountryCode | undefined;
  if (options.defaultCountry !== undefined) {
    const upper = options.defaultCountry.toUpperCase();
    if (!isSupportedCountry(upper)) return failure('invalid_country');
    country = upper;
  }
  const normalized = normalizePhoneInput(input);
  if (normalized.replace('+', '') === '') return failure('invalid_phone_number');

  const tries = candidates(normalized, country);
  for (const text of tries) {
    const phone = parsePhoneNumberFromString(text, country);
    if (phone?.isValid()) {
      const parsed = toParsed(phone);
      if (options.requireMobile === true && !parsed.isMobile) return failure('not_a_mobile_number');
      return parsed;
    }
  }
  return failure(reasonFor(tries[0]!, country));
}
