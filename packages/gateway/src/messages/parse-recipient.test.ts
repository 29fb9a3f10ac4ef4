import { parsePhoneNumber } from '@karvon/sdk/phone';
import { describe, expect, it } from 'vitest';
import { parseRecipient } from './parse-recipient';

describe('parseRecipient', () => {
  it('answers what parsePhoneNumber answers with requireMobile, first call and cached alike', () => {
    for (const input of ['+998901234567', '998931234567', '+998712345678', '+99890', 'not a number']) {
      const expected = parsePhoneNumber(input, { requireMobile: true });
      expect(parseRecipient(input)).toEqual(expected);
      expect(parseRecipient(input)).toEqual(expected);
    }
  });

  it('returns the same frozen result for a repeated number', () => {
    const first = parseRecipient('+998911234567');
    expect(parseRecipient('+998911234567')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
