import type { ParsePhoneNumberOptions, PhoneNumberErrorReason } from '../types';

/** Inputs (and default country) that all read as +998 90 123 45 67: formatting, trunk forms, scripts. */
export const READS_AS_UZ_MOBILE: readonly (readonly [input: string, defaultCountry: string | undefined])[] = [
  ['+998901234567', undefined],
  ['998901234567', undefined],
  ['00998901234567', undefined],
  ['+998 (90) 123-45-67', undefined],
  ['tel:+998-90-123-45-67', undefined],
  ['90 123 45 67', 'UZ'],
  ['901234567', 'uz'],
  ['998901234567', 'UZ'],
  ['00 998 90 123 45 67', 'UZ'],
  ['8 90 123 45 67', 'UZ'],
  ['8 (90) 123-45-67', 'UZ'],
  ['8 10 998 90 123 45 67', 'UZ'],
  ['+998\u00a090\u2011123\u201145\u201167', undefined],
  ['٩٠١٢٣٤٥٦٧', 'UZ'],
  ['۹۰۱۲۳۴۵۶۷', 'UZ'],
  ['＋９９８９０１２３４５６７', undefined],
  ['+९९८९०१२३४५६७', undefined],
];

/** Valid numbers of other kinds: a landline, Mobiuz 88 (not a trunk 8), RU trunk 8, US, toll-free. */
export const OTHER_VALID: readonly (readonly [input: string, options: ParsePhoneNumberOptions])[] = [
  ['+998 93 123 45 67', {}],
  ['88 123 45 67', { defaultCountry: 'UZ' }],
  ['8 912 345 67 89', { defaultCountry: 'RU' }],
  ['+998 71 234 56 78', {}],
  ['(212) 555-0100', { defaultCountry: 'US' }],
  ['+1 212 555 0100', { requireMobile: true }],
  ['+1 800 253 0000', {}],
];

/** Rejected inputs and why. */
export const REJECTED: readonly (readonly [
  input: string,
  options: ParsePhoneNumberOptions,
  reason: PhoneNumberErrorReason,
])[] = [
  ['+998712345678', { requireMobile: true }, 'not_a_mobile_number'],
  ['+99890123456', {}, 'too_short'],
  ['+9989012345678', {}, 'too_long'],
  ['9012345', { defaultCountry: 'UZ' }, 'too_short'],
  ['+999 123 456 789', {}, 'invalid_country'],
  ['+998901234567', { defaultCountry: 'XX' }, 'invalid_country'],
  ['+998 61 123 45 67', {}, 'invalid_phone_number'],
  ['not a number', {}, 'invalid_phone_number'],
  ['', { defaultCountry: 'UZ' }, 'invalid_phone_number'],
  ['+', {}, 'invalid_phone_number'],
];
