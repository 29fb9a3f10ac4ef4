import { describe, expect, it } from 'vitest';
import { normaliseMessageId } from './message-id';

describe('normaliseMessageId', () => {
  it('makes a hex response and a decimal receipt of one number equal', () => {
    expect(normaliseMessageId('F424A', 'hex')).toBe(normaliseMessageId('1000010', 'decimal'));
    expect(normaliseMessageId('000f424a', 'hex')).toBe('1000010');
    expect(normaliseMessageId('0x0F424A', 'hex')).toBe('1000010');
  });

  it('drops leading zeros of decimal ids and keeps large ones exact', () => {
    expect(normaliseMessageId('000001000042', 'decimal')).toBe('1000042');
    expect(normaliseMessageId('123456789012345678901234567890', 'decimal')).toBe('123456789012345678901234567890');
  });

  it('lower-cases and trims opaque ids, and ids that do not parse in their style', () => {
    expect(normaliseMessageId(' AbC-12 ', 'opaque')).toBe('abc-12');
    expect(normaliseMessageId('XYZ', 'hex')).toBe('xyz');
    expect(normaliseMessageId('12a', 'decimal')).toBe('12a');
  });
});
