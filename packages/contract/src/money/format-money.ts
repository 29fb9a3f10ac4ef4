import { minorUnitsOf } from './currency-minor-units';
import type { Money } from './money';

/** The amount as an exact decimal string: 1250 with exponent 2 → "12.50". */
export function toDecimalString(value: Money): string {
  const exponent = minorUnitsOf(value.currency);
  const digits = String(Math.abs(value.amount)).padStart(exponent + 1, '0');
  const sign = value.amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Formats for people, e.g. `formatMoney({ amount: 1250, currency: 'USD' })` →
 * "$12.50". The number goes to Intl as a decimal string, which it formats
 * exactly (no division in floating point); the currency's ISO exponent sets
 * the decimal places, whatever the locale data says.
 */
export function formatMoney(value: Money, locale?: string | string[]): string {
  const exponent = minorUnitsOf(value.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(toDecimalString(value) as `${number}`);
}
