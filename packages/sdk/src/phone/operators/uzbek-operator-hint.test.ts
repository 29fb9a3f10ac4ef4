import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { getUzbekOperatorHint } from './uzbek-operator-hint';
import { UZBEKISTAN_OPERATOR_PREFIXES } from './uzbekistan';

describe('getUzbekOperatorHint', () => {
  it.each([
    ['+998901234567', 'beeline'],
    ['+998911234567', 'beeline'],
    ['+998931234567', 'ucell'],
    ['+998941234567', 'ucell'],
    ['+998501234567', 'ucell'],
    ['+998881234567', 'mobiuz'],
    ['+998971234567', 'mobiuz'],
    ['+998951234567', 'uzmobile'],
    ['+998991234567', 'uzmobile'],
    ['+998771234567', 'uzmobile'],
    ['+998331234567', 'humans'],
    ['+998981234567', 'perfectum'],
  ])('hints %s → %s', (e164, operator) => {
    expect(getUzbekOperatorHint(e164)?.operator).toBe(operator);
  });

  it('gives no hint for landlines, other countries or malformed input', () => {
    expect(getUzbekOperatorHint('+998712345678')).toBeUndefined();
    expect(getUzbekOperatorHint('+79012345678')).toBeUndefined();
    expect(getUzbekOperatorHint('+99890123456')).toBeUndefined();
    expect(getUzbekOperatorHint('998901234567')).toBeUndefined();
  });
});

describe('UZBEKISTAN_OPERATOR_PREFIXES', () => {
  it('lists only prefixes that libphonenumber classes as mobile', () => {
    for (const prefix of Object.keys(UZBEKISTAN_OPERATOR_PREFIXES.prefixes)) {
      const phone = parsePhoneNumberFromString(`+998${prefix}1234567`);
      expect({ prefix, type: phone?.getType() }).toEqual({ prefix, type: 'MOBILE' });
    }
  });

  it('records when it was last reviewed as an ISO date', () => {
    expect(UZBEKISTAN_OPERATOR_PREFIXES.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
