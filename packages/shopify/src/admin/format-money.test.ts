import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money';

// Intl puts a no-break space between the code and the number.
const display = (amount: number, currency: string) => formatMoney({ amount, currency }).display.replace('\u00a0', ' ');

describe('formatMoney', () => {
  it('reads minor units with the currency’s own number of decimals', () => {
    expect(display(125_050, 'UZS')).toBe('UZS 1,250.50');
    expect(display(1250, 'JPY')).toBe('JPY 1,250');
    expect(display(1250, 'BHD')).toBe('BHD 1.250');
  });

  it('prints amounts beyond a double’s exact decimals digit for digit, and negatives', () => {
    expect(display(9_007_199_254_740_991, 'UZS')).toBe('UZS 90,071,992,547,409.91');
    expect(display(-5, 'USD')).toBe('-USD 0.05');
  });

  it('keeps the raw amount and currency beside the display string', () => {
    expect(formatMoney({ amount: 7, currency: 'UZS' })).toEqual({
      amount: 7,
      currency: 'UZS',
      display: 'UZS\u00a00.07',
    });
  });

  it('falls back to plain digits and the code for a currency Intl does not know', () => {
    expect(display(1999, 'XX1')).toBe('19.99 XX1');
  });
});
