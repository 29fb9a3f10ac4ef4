import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_UNITS, isCurrencyCode, minorUnitsOf } from './currency-minor-units';
import { formatMoney, toDecimalString } from './format-money';
import { addMoney, money, multiplyMoney, subtractMoney } from './money';
import { moneyResponseSchema, moneySchema } from './money-schema';

describe('money', () => {
  it('knows the ISO 4217 exponents the brief names', () => {
    expect(CURRENCY_MINOR_UNITS).toMatchObject({ UZS: 2, USD: 2, EUR: 2, RUB: 2, KZT: 2, JPY: 0, KWD: 3, CLF: 4 });
    expect(Object.keys(CURRENCY_MINOR_UNITS).every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });

  it('rejects unknown currencies and non-integer amounts', () => {
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(() => minorUnitsOf('XYZ')).toThrow(RangeError);
    expect(() => money(1.5, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
    expect(() => money(1, 'XYZ')).toThrow(RangeError);
    expect(money(-250, 'UZS')).toEqual({ amount: -250, currency: 'UZS' });
  });

  it('adds, subtracts and multiplies in minor units', () => {
    expect(addMoney(money(10, 'USD'), money(20, 'USD'))).toEqual({ amount: 30, currency: 'USD' });
    expect(subtractMoney(money(10, 'USD'), money(25, 'USD'))).toEqual({ amount: -15, currency: 'USD' });
    expect(multiplyMoney(money(12_500, 'UZS'), 3)).toEqual({ amount: 37_500, currency: 'UZS' });
    expect(Object.is(multiplyMoney(money(-5, 'USD'), 0).amount, 0)).toBe(true);
  });

  it('refuses to mix currencies, fractional factors and unsafe results', () => {
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(TypeError);
    expect(() => multiplyMoney(money(1, 'USD'), 1.5)).toThrow(RangeError);
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), money(1, 'USD'))).toThrow(RangeError);
    expect(() => multiplyMoney(money(2 ** 40, 'USD'), 2 ** 20)).toThrow(RangeError);
  });

  it('writes exact decimal strings for every exponent', () => {
    expect(toDecimalString(money(1250, 'USD'))).toBe('12.50');
    expect(toDecimalString(money(5, 'USD'))).toBe('0.05');
    expect(toDecimalString(money(-5, 'KWD'))).toBe('-0.005');
    expect(toDecimalString(money(500, 'JPY'))).toBe('500');
    expect(toDecimalString(money(Number.MAX_SAFE_INTEGER, 'USD'))).toBe('90071992547409.91');
  });

  it('round-trips every safe amount through its decimal string', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const text = toDecimalString({ amount, currency });
        const digits = text.replace('.', '');
        expect(BigInt(digits)).toBe(BigInt(amount));
      }),
    );
  });

  it('formats with Intl using the ISO exponent', () => {
    expect(formatMoney(money(1250, 'USD'), 'en-US')).toBe('$12.50');
    expect(formatMoney(money(500, 'JPY'), 'en-US')).toBe('¥500');
    expect(formatMoney(money(1234, 'KWD'), 'en-US')).toBe('KWD\u00a01.234');
    expect(formatMoney(money(123_456_789, 'UZS'), 'en-US')).toBe('UZS\u00a01,234,567.89');
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('validates money strictly in requests and leniently in responses', () => {
    expect(moneySchema.safeParse({ amount: 1, currency: 'USD' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: 1.5, currency: 'USD' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 1, currency: 'XYZ' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 1, currency: 'USD', extra: true }).success).toBe(false);
    expect(moneyResponseSchema.safeParse({ amount: 1, currency: 'XYZ', extra: true }).success).toBe(true);
    expect(moneyResponseSchema.safeParse({ amount: 2 ** 53, currency: 'USD' }).success).toBe(false);
  });
});
