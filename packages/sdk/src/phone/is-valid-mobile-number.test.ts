import { describe, expect, it } from 'vitest';
import { isValidMobileNumber } from './is-valid-mobile-number';

describe('isValidMobileNumber', () => {
  it('accepts an Uzbek mobile typed nationally with a default country', () => {
    expect(isValidMobileNumber('90 123 45 67', { defaultCountry: 'UZ' })).toBe(true);
  });

  it('rejects a valid landline', () => {
    expect(isValidMobileNumber('+998712345678')).toBe(false);
  });

  it('rejects an invalid number', () => {
    expect(isValidMobileNumber('+99890123')).toBe(false);
  });
});
