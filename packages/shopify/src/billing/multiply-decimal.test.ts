import { describe, expect, it } from 'vitest';
import { multiplyDecimal } from './multiply-decimal';

describe('multiplyDecimal', () => {
  it.each([
    ['0.05', 3, '0.15'],
    ['0.1', 3, '0.30'],
    ['0.0125', 4, '0.05'],
    ['0.0125', 3, '0.0375'],
    ['12', 2, '24.00'],
    ['0.07', 1, '0.07'],
  ])('%s × %i = %s', (price, count, expected) => {
    expect(multiplyDecimal(price, count)).toBe(expected);
  });

  it('refuses what is not a price', () => {
    expect(() => multiplyDecimal('1e-3', 1)).toThrow(RangeError);
    expect(() => multiplyDecimal('0.05', 1.5)).toThrow(RangeError);
  });
});
