import { describe, expect, it } from 'vitest';
import { READS_AS_UZ_MOBILE, REJECTED } from './__fixtures__/phone-number-cases';
import { parsePhoneNumber } from './parse-phone-number';

function expectValid(result: ReturnType<typeof parsePhoneNumber>) {
  if (!result.valid) throw new Error(`expected a valid number, got ${result.reason}`);
  return result;
}

describe('parsePhoneNumber', () => {
  it.each(READS_AS_UZ_MOBILE)('reads %j (default country %s) as +998901234567', (input, defaultCountry) => {
    const result = expectValid(parsePhoneNumber(input, defaultCountry === undefined ? {} : { defaultCountry }));
    expect(result.e164).toBe('+998901234567');
    expect(result.country).toBe('UZ');
  });

  it('returns every form of an Uzbek mobile number with an operator hint', () => {
    expect(parsePhoneNumber('+998 93 123 45 67')).toEqual({
      valid: true,
      e164: '+998931234567',
      country: 'UZ',
      countryCallingCode: '998',
      nationalNumber: '931234567',
      type: 'mobile',
      isMobile: true,
      national: '93 123 45 67',
      international: '+998 93 123 45 67',
      operatorHint: { operator: 'ucell', name: 'Ucell', prefix: '93' },
    });
  });

  it('does not strip a leading 8 that belongs to the Mobiuz 88 prefix', () => {
    const result = expectValid(parsePhoneNumber('88 123 45 67', { defaultCountry: 'UZ' }));
    expect(result.e164).toBe('+998881234567');
    expect(result.operatorHint?.operator).toBe('mobiuz');
  });

  it('does not apply the Uzbek trunk prefix 8 to other default countries', () => {
    const result = expectValid(parsePhoneNumber('8 912 345 67 89', { defaultCountry: 'RU' }));
    expect(result.e164).toBe('+79123456789');
    expect(result.operatorHint).toBeUndefined();
  });

  it('classifies a Tashkent landline as fixed_line, not mobile, without an operator hint', () => {
    const result = expectValid(parsePhoneNumber('+998 71 234 56 78'));
    expect(result.type).toBe('fixed_line');
    expect(result.isMobile).toBe(false);
    expect(result.operatorHint).toBeUndefined();
  });

  it('treats fixed_line_or_mobile numbers (US) as possibly mobile', () => {
    const result = expectValid(parsePhoneNumber('(212) 555-0100', { defaultCountry: 'US' }));
    expect(result).toMatchObject({ e164: '+12125550100', type: 'fixed_line_or_mobile', isMobile: true, country: 'US' });
    expect(parsePhoneNumber('+1 212 555 0100', { requireMobile: true }).valid).toBe(true);
  });

  it('recognises toll-free numbers', () => {
    expect(expectValid(parsePhoneNumber('+1 800 253 0000')).type).toBe('toll_free');
  });

  it('rejects a landline with not_a_mobile_number when a mobile is required', () => {
    expect(parsePhoneNumber('+998712345678', { requireMobile: true })).toEqual({
      valid: false,
      reason: 'not_a_mobile_number',
      message: 'The phone number is not a mobile number.',
    });
  });

  it.each(REJECTED)('rejects %j %j with %s', (input, options, reason) => {
    const result = parsePhoneNumber(input, options);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toBe(reason);
  });

  it('never puts digits of the input into an error', () => {
    const result = parsePhoneNumber('+998 61 123 45 67');
    expect(JSON.stringify(result)).not.toMatch(/\d/);
  });
});
