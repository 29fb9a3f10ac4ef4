import { parsePhoneNumber } from '@karvon/sdk/phone';
import { describe, expect, it } from 'vitest';
import { parseRecipient } from './parse-recipient';

/** The fields of parsePhoneNumber's answer that a send uses. */
function usedFields(input: string) {
  const parsed = parsePhoneNumber(input, { requireMobile: true });
  if (!parsed.valid) return parsed;
  const { valid, e164, country, type, isMobile, operatorHint } = parsed;
  return { valid, e164, country, type, isMobile, ...(operatorHint === undefined ? {} : { operatorHint }) };
}

describe('parseRecipient', () => {
  it('answers what parsePhoneNumber answers with requireMobile, first call and cached alike', () => {
    for (const input of [
      '+998901234567',
      '998931234567',
      '+998 20 123 45 67',
      '+998712345678',
      '+99890',
      '+7 912 345 67 89',
      '+1 212 555 0100',
      'not a number',
    ]) {
      const expected = usedFields(input);
      expect(parseRecipient(input)).toEqual(expected);
      expect(parseRecipient(input)).toEqual(expected);
    }
  });

  it('carries the operator hint of an Uzbek mobile and none for other countries', () => {
    const uzbek = parseRecipient('+998 93 765 43 21');
    expect(uzbek.valid && uzbek.operatorHint).toEqual({ operator: 'ucell', name: 'Ucell', prefix: '93' });
    const russian = parseRecipient('+7 912 765 43 21');
    expect(russian.valid).toBe(true);
    expect(russian.valid && russian.operatorHint).toBeUndefined();
  });

  it('rejects a landline with not_a_mobile_number', () => {
    expect(parseRecipient('+998 71 765 43 21')).toMatchObject({ valid: false, reason: 'not_a_mobile_number' });
  });

  it('returns the same frozen result for a repeated number', () => {
    const first = parseRecipient('+998911234567');
    expect(parseRecipient('+998911234567')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
