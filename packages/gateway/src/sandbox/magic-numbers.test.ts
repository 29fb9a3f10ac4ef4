import { canTransition } from '@karvon/contract';
import { parsePhoneNumber } from '@karvon/sdk/phone';
import { describe, expect, it } from 'vitest';
import { isMagicNumber, SANDBOX_DEFAULT_BEHAVIOUR, SANDBOX_MAGIC_NUMBERS, sandboxOutcome } from './magic-numbers';

describe('SANDBOX_MAGIC_NUMBERS', () => {
  it('covers every outcome in both families', () => {
    const outcomes = ['delivered', 'failed', 'bounced', 'expired', 'delayed', 'unknown'];
    for (const prefix of ['+99890000000', '+1202555010']) {
      const family = SANDBOX_MAGIC_NUMBERS.filter((m) => m.number.startsWith(prefix));
      expect(family.map((m) => m.behaviour.outcome)).toEqual(outcomes);
    }
    expect(new Set(SANDBOX_MAGIC_NUMBERS.map((m) => m.number)).size).toBe(SANDBOX_MAGIC_NUMBERS.length);
  });

  it('uses numbers that pass mobile validation, in E.164', () => {
    for (const { number } of SANDBOX_MAGIC_NUMBERS) {
      const parsed = parsePhoneNumber(number, { requireMobile: true });
      expect(parsed.valid, number).toBe(true);
      expect(parsed.valid && parsed.e164).toBe(number);
    }
  });

  it('ends each outcome in a status the state machine reaches from its stage', () => {
    for (const { behaviour } of SANDBOX_MAGIC_NUMBERS) {
      const from = behaviour.stage === 'queue' ? 'queued' : 'sent';
      expect(canTransition(from, behaviour.finalStatus), behaviour.outcome).toBe(true);
      if (behaviour.finalStatus === 'failed' || behaviour.finalStatus === 'bounced')
        expect(behaviour.error).toBeDefined();
    }
  });
});

describe('sandboxOutcome', () => {
  it('maps magic numbers to their outcome', () => {
    expect(sandboxOutcome('+998900000002').outcome).toBe('failed');
    expect(sandboxOutcome('+12025550103').finalStatus).toBe('bounced');
    expect(sandboxOutcome('+998900000005')).toMatchObject({
      outcome: 'delayed',
      finalStatus: 'delivered',
      delayMs: 30_000,
    });
    expect(sandboxOutcome('+998900000006').finalStatus).toBe('unknown');
    expect(sandboxOutcome('+998900000004')).toMatchObject({ stage: 'queue', finalStatus: 'expired' });
  });

  it('delivers any other number at once', () => {
    expect(sandboxOutcome('+998901234567')).toBe(SANDBOX_DEFAULT_BEHAVIOUR);
    expect(SANDBOX_DEFAULT_BEHAVIOUR).toMatchObject({ finalStatus: 'delivered', delayMs: 0 });
    expect(isMagicNumber('+998901234567')).toBe(false);
    expect(isMagicNumber('+998900000001')).toBe(true);
  });
});
