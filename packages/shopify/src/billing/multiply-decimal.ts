const SCALE_DIGITS = 4;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/**
 * `price × count` on decimal strings, exactly (no binary floating point): `('0.05', 3)` → `'0.15'`.
 * Prices have at most four decimals (config: pricePerSegment); the result keeps at least two.
 */
export function multiplyDecimal(price: string, count: number): string {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(price);
  if (!match || !Number.isInteger(count) || count < 0) throw new RangeError(`Cannot multiply ${price} by ${count}`);
  const units = BigInt(match[1]!) * SCALE + BigInt((match[2] ?? '').padEnd(SCALE_DIGITS, '0'));
  const total = units * BigInt(count);
  let fraction = (total % SCALE).toString().padStart(SCALE_DIGITS, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${total / SCALE}.${fraction}`;
}
