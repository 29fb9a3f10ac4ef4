import { describe, expect, it } from 'vitest';
import { formatMessageId, messageIdStyles } from './message-id-format';

describe('formatMessageId', () => {
  const n = 1_000_042n;
  it('writes decimal, hex and upper-case hex', () => {
    expect(formatMessageId(n, 'decimal')).toBe('1000042');
    expect(formatMessageId(n, 'hex')).toBe('f426a');
    expect(formatMessageId(n, 'hex-upper')).toBe('F426A');
  });

  it('zero-pads to a width, in either base', () => {
    expect(formatMessageId(n, { base: 10, width: 12 })).toBe('000001000042');
    expect(formatMessageId(n, { base: 16, width: 8, upperCase: true })).toBe('000F426A');
  });

  it('uses one style for both places unless given two', () => {
    expect(messageIdStyles('hex')).toEqual({ response: 'hex', receipt: 'hex' });
    expect(messageIdStyles({ response: 'hex', receipt: 'decimal' })).toEqual({ response: 'hex', receipt: 'decimal' });
  });
});
