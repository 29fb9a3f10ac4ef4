import { SENDER_PATTERN } from '@karvon/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSender,
  detectSenderKind,
  SENDER_REGISTRATION_RULES,
  type SenderRegistration,
  senderRulesFor,
} from './registration-rules';

describe('detectSenderKind', () => {
  it('recognises alphanumeric names, long codes and short codes', () => {
    expect(detectSenderKind('Karvon')).toEqual({ ok: true, kind: 'alphanumeric', sender: 'Karvon' });
    expect(detectSenderKind('My Shop.uz')).toMatchObject({ kind: 'alphanumeric' });
    expect(detectSenderKind('A&B_co-1')).toMatchObject({ kind: 'alphanumeric' });
    expect(detectSenderKind('+998901234567')).toEqual({ ok: true, kind: 'long_code', sender: '+998901234567' });
    expect(detectSenderKind('998901234567')).toEqual({ ok: true, kind: 'long_code', sender: '+998901234567' });
    expect(detectSenderKind('7777')).toEqual({ ok: true, kind: 'short_code', sender: '7777' });
    expect(detectSenderKind('123')).toMatchObject({ kind: 'short_code' });
    expect(detectSenderKind('12345678')).toMatchObject({ kind: 'short_code' });
  });

  it('says why a sender is invalid', () => {
    expect(detectSenderKind('')).toEqual({ ok: false, reason: 'empty' });
    expect(detectSenderKind('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(detectSenderKind('TwelveChars1')).toEqual({ ok: false, reason: 'too_long' });
    expect(detectSenderKind('Karvon!')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('_')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('-.-')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('Karvon ')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('Карвон')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind(' Karvon')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('+0123456789')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('12')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(detectSenderKind('1234567890123456')).toEqual({ ok: false, reason: 'too_long' });
  });

  it('accepts only senders the contract pattern also accepts', () => {
    const pattern = new RegExp(SENDER_PATTERN);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ._&+-]{0,16}$/), (sender) => {
        if (detectSenderKind(sender).ok) expect(pattern.test(sender)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('SENDER_REGISTRATION_RULES', () => {
  it('lists Uzbekistan first, per operator, with its operators', () => {
    expect(Object.keys(SENDER_REGISTRATION_RULES.countries)[0]).toBe('UZ');
    expect(senderRulesFor('uz')?.requires.alphanumeric).toBe('per_operator');
    expect(senderRulesFor('UZ')?.operators).toEqual(
      expect.arrayContaining(['ucell', 'beeline', 'mobiuz', 'uzmobile', 'humans']),
    );
    for (const rules of Object.values(SENDER_REGISTRATION_RULES.countries)) expect(rules.source).not.toBe('');
  });

  it('has no rules for countries without registration', () => {
    expect(senderRulesFor('DE')).toBeUndefined();
    expect(senderRulesFor(undefined)).toBeUndefined();
    expect(senderRulesFor('constructor')).toBeUndefined();
  });
});

describe('checkSender', () => {
  const reg = (
    operator: string | undefined,
    status: SenderRegistration['status'] = 'approved',
  ): SenderRegistration => ({
    sender: 'Karvon',
    country: 'UZ',
    operator,
    status,
  });

  it('accepts an alphanumeric sender approved with the recipient operator in Uzbekistan', () => {
    expect(checkSender({ sender: 'Karvon', country: 'UZ', operator: 'ucell', registrations: [reg('ucell')] })).toEqual({
      ok: true,
      kind: 'alphanumeric',
      registrationRequired: true,
    });
  });

  it('refuses it for another operator, or when the registration is not approved', () => {
    expect(
      checkSender({ sender: 'Karvon', country: 'UZ', operator: 'beeline', registrations: [reg('ucell')] }),
    ).toEqual({ ok: false, code: 'sender_not_registered', country: 'UZ', operator: 'beeline' });
    for (const status of ['pending', 'rejected'] as const) {
      expect(
        checkSender({ sender: 'Karvon', country: 'UZ', operator: 'ucell', registrations: [reg('ucell', status)] }).ok,
      ).toBe(false);
    }
  });

  it('compares sender names exactly and per country', () => {
    expect(checkSender({ sender: 'KARVON', country: 'UZ', operator: 'ucell', registrations: [reg('ucell')] }).ok).toBe(
      false,
    );
    expect(
      checkSender({
        sender: 'Karvon',
        country: 'RU',
        operator: 'mts',
        registrations: [{ ...reg('mts'), country: 'UZ' }],
      }).ok,
    ).toBe(false);
  });

  it('with an unknown operator, needs every operator approved (or an all-operator registration)', () => {
    const some = [reg('ucell'), reg('beeline')];
    expect(checkSender({ sender: 'Karvon', country: 'UZ', registrations: some })).toEqual({
      ok: false,
      code: 'sender_not_registered',
      country: 'UZ',
    });
    const all = ['ucell', 'beeline', 'mobiuz', 'uzmobile', 'humans', 'perfectum'].map((o) => reg(o));
    expect(checkSender({ sender: 'Karvon', country: 'UZ', registrations: all }).ok).toBe(true);
    expect(checkSender({ sender: 'Karvon', country: 'UZ', registrations: [reg(undefined)] }).ok).toBe(true);
  });

  it('accepts one registration for national-registry countries', () => {
    expect(
      checkSender({
        sender: 'Karvon',
        country: 'KZ',
        registrations: [{ sender: 'Karvon', country: 'KZ', status: 'approved' }],
      }).ok,
    ).toBe(true);
    expect(checkSender({ sender: 'Karvon', country: 'KZ', registrations: [] }).ok).toBe(false);
  });

  it('needs no registration for numeric senders or countries without rules', () => {
    expect(checkSender({ sender: '+998901234567', country: 'UZ', registrations: [] })).toEqual({
      ok: true,
      kind: 'long_code',
      registrationRequired: false,
    });
    expect(checkSender({ sender: 'Karvon', country: 'DE', registrations: [] })).toEqual({
      ok: true,
      kind: 'alphanumeric',
      registrationRequired: false,
    });
  });

  it('refuses malformed senders and senders of another kind than recorded', () => {
    expect(checkSender({ sender: 'WayTooLongName', country: 'UZ', registrations: [] })).toEqual({
      ok: false,
      code: 'invalid_sender',
      reason: 'too_long',
    });
    expect(checkSender({ sender: '7777', kind: 'alphanumeric', country: 'UZ', registrations: [] })).toEqual({
      ok: false,
      code: 'invalid_sender',
      reason: 'kind_mismatch',
    });
  });
});
