import type { UzbekMobileOperator } from './operators/uzbekistan';

/**
 * What kind of line a number belongs to, from libphonenumber's metadata.
 * `fixed_line_or_mobile` is used where the numbering plan does not tell them
 * apart (the United States and Canada, among others).
 */
export type PhoneNumberType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

/**
 * The operator an Uzbek mobile number's prefix was originally allocated to.
 *
 * A hint only: Uzbekistan has had mobile number portability since
 * 27 October 2023, so a subscriber may have moved to another operator and kept
 * the number. Use it for display and analytics; routing must use the gateway's
 * portability lookup, which resolves the real operator.
 */
export interface UzbekOperatorHint {
  /** Stable id, e.g. `'ucell'`. */
  readonly operator: UzbekMobileOperator;
  /** Display name, e.g. `'Ucell'`. */
  readonly name: string;
  /** The two-digit prefix the hint was read from, e.g. `'93'`. */
  readonly prefix: string;
}

export interface PhoneNumberOptions {
  /**
   * ISO 3166-1 alpha-2 country (e.g. `'UZ'`) for numbers typed without a
   * country calling code. Without it, such input is read as an international
   * number whose `+` was left out (`998901234567`), as many SMS APIs send it.
   */
  readonly defaultCountry?: string;
}

export interface ParsePhoneNumberOptions extends PhoneNumberOptions {
  /** Fail with `not_a_mobile_number` unless the number can receive SMS as a mobile (see `isMobile`). */
  readonly requireMobile?: boolean;
}

/** A valid phone number as `checkPhoneNumber` reports it: what validation needs, no formatting. */
export interface CheckedPhoneNumber {
  readonly valid: true;
  /** E.164, e.g. `'+998901234567'`: the form the API and the gateway store. */
  readonly e164: string;
  /** ISO 3166-1 alpha-2 country, or `undefined` for non-geographic numbers (+800, +882…). */
  readonly country: string | undefined;
  readonly type: PhoneNumberType;
  /** `true` for `mobile`, and for `fixed_line_or_mobile` where the plan cannot tell. */
  readonly isMobile: boolean;
}

/** A valid phone number, in the forms Karvon uses. */
export interface ParsedPhoneNumber extends CheckedPhoneNumber {
  /** Country calling code without `+`, e.g. `'998'`. */
  readonly countryCallingCode: string;
  /** National significant number, e.g. `'901234567'`. */
  readonly nationalNumber: string;
  /** National format, e.g. `'90 123 45 67'`. */
  readonly national: string;
  /** International format, e.g. `'+998 90 123 45 67'`. */
  readonly international: string;
  /** Present for Uzbek mobile numbers whose prefix is in the allocation table. */
  readonly operatorHint?: UzbekOperatorHint;
}

/**
 * Why an input is not a usable phone number.
 * - `invalid_phone_number`: not a number, or digits that match no range in use
 * - `too_short` / `too_long`: the length does not fit the country's plan
 * - `invalid_country`: unknown country calling code or `defaultCountry`
 * - `not_a_mobile_number`: valid, but not mobile (only with `requireMobile`)
 */
export type PhoneNumberErrorReason =
  | 'invalid_phone_number'
  | 'too_short'
  | 'too_long'
  | 'invalid_country'
  | 'not_a_mobile_number';

/** A rejected input. Carries no digits of the input, so it is safe to log. */
export interface PhoneNumberError {
  readonly valid: false;
  readonly reason: PhoneNumberErrorReason;
  readonly message: string;
}

export type ParsePhoneNumberResult = ParsedPhoneNumber | PhoneNumberError;

/** What `checkPhoneNumber` answers. A `ParsePhoneNumberResult` is also one. */
export type CheckPhoneNumberResult = CheckedPhoneNumber | PhoneNumberError;

/** Output forms of `formatPhoneNumber`. */
export type PhoneNumberFormat = 'e164' | 'international' | 'national' | 'rfc3966';
