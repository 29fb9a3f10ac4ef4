import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhoneNumber } from './mask-phone-number';

describe('maskPhoneNumber', () => {
  it.each([
    ['+998901234567', '+99890*****67'],
    ['+998 (90) 123-45-67', '+99890*****67'],
    ['+12125550100', '+121******00'],
    ['+447911123456', '+4479******56'],
    ['+79123456789', '+791******89'],
    ['+99812345', '+998*****'],
    ['998901234567', '**********67'],
    ['1234', '****'],
    ['', ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskPhoneNumber(input)).toBe(expected);
  });

  it('keeps only the calling code, two leading and two trailing national digits of any Uzbek number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (national) => {
        const masked = maskPhoneNumber(`+998${national}`);
        expect(masked).toBe(`+998${national.slice(0, 2)}*****${national.slice(-2)}`);
      }),
    );
  });

  it('never reveals more than six digits of an international number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{7,14}$/), (e164) => {
        const masked = maskPhoneNumber(e164);
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(7);
        expect(masked.length).toBe(e164.length);
      }),
    );
  });
});
