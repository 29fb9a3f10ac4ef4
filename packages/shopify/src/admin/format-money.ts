/** Money as the gateway sends it (integer minor units), with a display string for the page. */
export interface DisplayMoney {
  amount: number;
  currency: string;
  /** `UZS 1,250.00`: for showing, never for arithmetic. */
  display: string;
}

/** Decimal places of a currency's minor unit, from ICU (UZS 2, JPY 0, BHD 3); 2 when unknown. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Formats integer minor units (1250 UZS tiyin) as money (`UZS 12.50`). The division is done on the
 * decimal string, not in floating point, so large balances print exactly.
 */
export function formatMoney(money: { amount: number; currency: string }, locale = 'en'): DisplayMoney {
  const digits = minorDigits(money.currency);
  const negative = money.amount < 0;
  const padded = String(Math.abs(Math.trunc(money.amount))).padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  const fraction = padded.slice(padded.length - digits);
  const decimal = `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  let display: string;
  try {
    display = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      currencyDisplay: 'code',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // A numeric string keeps every digit: Intl formats it without going through a double.
    }).format(decimal as `${number}`);
  } catch {
    display = `${decimal} ${money.currency}`;
  }
  return { amount: money.amount, currency: money.currency, display };
}
