import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from './format-phone-number';

describe('formatPhoneNumber', () => {
  it('formats to E.164 by default', () => {
    expect(formatPhoneNumber('90 123 45 67', undefined, { defaultCountry: 'UZ' })).toBe('+998901234567');
  });

  it.each([
    ['e164', '+998901234567'],
    ['international', '+998 90 123 45 67'],
    ['national', '90 123 45 67'],
    ['rfc3966', 'tel:+998901234567'],
  ] as const)('formats as %s', (format, expected) => {
    expect(formatPhoneNumber('+998 (90) 123-45-67', format)).toBe(expected);
  });

  it('returns undefined for an invalid number', () => {
    expect(formatPhoneNumber('+998 61 123 45 67', 'international')).toBeUndefined();
  });
});
