import { minorUnitsOf } from './currency-minor-units';

/**
 * An amount of money in integer minor units (tiyin, cents, fils): 1250 UZS
 * minor units is 12.50 so'm. Integers, because a sum of SMS prices in
 * floating point drifts; the currency says where the decimal point goes.
 */
export interface Money {
  /** Integer minor units, within Number.MAX_SAFE_INTEGER. May be negative (refunds, debits). */
  amount: number;
  /** ISO 4217 alphabetic code, upper case. */
  currency: string;
}

function checkAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${what} must be a safe integer number of minor units, got ${amount}`);
  }
}

/** Creates a Money value, checking the amount is a safe integer and the currency is known. */
export function money(amount: number, currency: string): Money {
  checkAmount(amount, 'Money amount');
  minorUnitsOf(currency);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new TypeError(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  const amount = a.amount + b.amount;
  checkAmount(amount, 'The sum');
  return { amount, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  const amount = a.amount - b.amount;
  checkAmount(amount, 'The difference');
  return { amount, currency: a.currency };
}

/** Multiplies by an integer count (segments, recipients); fractions would need a rounding rule. */
export function multiplyMoney(value: Money, factor: number): Money {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`The factor must be an integer, got ${factor}`);
  const amount = value.amount * factor;
  checkAmount(amount, 'The product');
  // -0 would print as "-0.00"; an amount of zero has no sign.
  return { amount: amount === 0 ? 0 : amount, currency: value.currency };
}
