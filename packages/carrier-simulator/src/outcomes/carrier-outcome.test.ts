import { SANDBOX_MAGIC_NUMBERS } from '@karvon/contract';
import { describe, expect, it } from 'vitest';
import { carrierOutcome } from './carrier-outcome';

describe('carrierOutcome', () => {
  it('answers every sandbox magic number with its outcome, however the address is written', () => {
    for (const { number, behaviour } of SANDBOX_MAGIC_NUMBERS) {
      for (const address of [number, number.slice(1), `00${number.slice(1)}`])
        expect(carrierOutcome(address).outcome, address).toBe(behaviour.outcome);
    }
  });

  it('maps outcomes to receipt states and errors', () => {
    expect(carrierOutcome('998900000001').receipt).toEqual({ state: 'DELIVRD', error: '000' });
    expect(carrierOutcome('998900000002').receipt).toEqual({ state: 'UNDELIV', error: '034' });
    expect(carrierOutcome('12025550103').receipt).toEqual({ state: 'REJECTD', error: '001' });
    expect(carrierOutcome('998900000004').receipt?.state).toBe('EXPIRED');
    expect(carrierOutcome('998900000006').receipt).toBeNull();
  });

  it('delays `delayed` by the table unless overridden, and delivers other numbers at once', () => {
    expect(carrierOutcome('998900000005').extraDelayMs).toBe(30_000);
    expect(carrierOutcome('998900000005', { delayed: 40 }).extraDelayMs).toBe(40);
    expect(carrierOutcome('998901234567')).toMatchObject({ outcome: 'delivered', extraDelayMs: 0 });
  });
});
