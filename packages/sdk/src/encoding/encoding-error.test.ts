import { describe, expect, it } from 'vitest';
import { KarvonError } from '../errors/karvon-error';
import { EncodingError } from './encoding-error';

describe('EncodingError', () => {
  it('is a KarvonError with a stable name and its index in toJSON', () => {
    const error = new EncodingError('Character U+044F at index 3 has no GSM-7 code', 3);
    expect(error).toBeInstanceOf(KarvonError);
    expect(KarvonError.isInstance(error)).toBe(true);
    expect(error.toJSON()).toEqual({
      name: 'EncodingError',
      message: 'Character U+044F at index 3 has no GSM-7 code',
      index: 3,
    });
  });
});
