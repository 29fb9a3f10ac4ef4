import { decode } from '@karvon/sdk/encoding';
import { describe, expect, it } from 'vitest';
import { receiptBytes } from './receipt-bytes';

describe('receiptBytes', () => {
  it('encodes the receipt as unpacked GSM-7', () => {
    expect([...receiptBytes('id:1 @_')]).toEqual([0x69, 0x64, 0x3a, 0x31, 0x20, 0x00, 0x11]);
  });

  it('writes ? for characters GSM-7 lacks', () => {
    expect(decode(receiptBytes('text:Салом hi'), { encoding: 'GSM-7' })).toBe('text:????? hi');
  });
});
