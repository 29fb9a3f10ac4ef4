// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest';
import { checkPhoneNumber, formatPhoneNumber, isValidMobileNumber, maskPhoneNumber, parsePhoneNumber } from './index';

// The phone subpath is used by the gateway and by edge functions that validate
// numbers before calling the API. (vitest's edge-runtime environment still
// exposes Buffer, so the Buffer ban is enforced by biome, not by this file.)
describe('phone on an edge runtime', () => {
  it('parses, checks, formats, validates and masks', () => {
    const parsed = parsePhoneNumber('8 (90) 123-45-67', { defaultCountry: 'UZ' });
    expect(parsed.valid && parsed.e164).toBe('+998901234567');
    expect(parsed.valid && parsed.operatorHint?.operator).toBe('beeline');
    expect(checkPhoneNumber('٩٠١٢٣٤٥٦٧', { defaultCountry: 'UZ' })).toMatchObject({
      e164: '+998901234567',
      isMobile: true,
    });
    expect(formatPhoneNumber('+998901234567', 'international')).toBe('+998 90 123 45 67');
    expect(isValidMobileNumber('+998712345678')).toBe(false);
    expect(maskPhoneNumber('+998901234567')).toBe('+99890*****67');
  });
});
