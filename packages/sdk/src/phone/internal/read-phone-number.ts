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
import { normalizePhoneInput } from '../normalize-phone-input';
import type { ParsePhoneNumberOptions, PhoneNumberError, PhoneNumberErrorReason, PhoneNumberType } from '../types';

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

/** A valid number as libphonenumber read it, with its line type: what both public readers build on. */
export interface PhoneNumberReading {
  readonly valid: true;
  readonly phone: PhoneNumber;
  readonly type: PhoneNumberType;
  /** `true` for `mobile`, and for `fixed_line_or_mobile` where the plan cannot tell. */
  readonly isMobile: boolean;
}

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

/**
 * Validation without formatting: normalises the input, tries the candidate
 * readings and classifies the line. Formatting (national, international) is
 * left to the caller, because it is about 40 % of a parse and the gateway's
 * send path does not use it.
 *
 * Validity comes from `getType()` first: with `max` metadata a number whose
 * type is known is valid (`isValid()` runs the same type patterns, so calling
 * both matched every pattern twice). `isValid()` is asked only when no type
 * matched, for plans without type patterns, so the answer is the same as
 * `isValid()` alone.
 */
export function readPhoneNumber(
  input: string,
  options: ParsePhoneNumberOptions,
): PhoneNumberReading | PhoneNumberError {
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
    if (phone === undefined) continue;
    const numberType = phone.getType();
    if (numberType === undefined && !phone.isValid()) continue;
    const type: PhoneNumberType = numberType === undefined ? 'unknown' : TYPES[numberType];
    const isMobile = type === 'mobile' || type === 'fixed_line_or_mobile';
    if (options.requireMobile === true && !isMobile) return failure('not_a_mobile_number');
    return { valid: true, phone, type, isMobile };
  }
  return failure(reasonFor(tries[0]!, country));
}
