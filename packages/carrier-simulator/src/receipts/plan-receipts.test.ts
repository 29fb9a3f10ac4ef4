import { describe, expect, it } from 'vitest';
import { carrierOutcome } from '../outcomes/carrier-outcome';
import { planReceipts, type ReceiptPlanInput } from './plan-receipts';

const base: ReceiptPlanInput = {
  registeredDelivery: 1,
  lastPart: true,
  receiptsFor: 'every-part',
  outcome: carrierOutcome('998901234567'),
  receiptDelayMs: 100,
  faults: {},
};

describe('planReceipts', () => {
  it('sends one final receipt after the account delay', () => {
    expect(planReceipts(base)).toEqual([{ afterMs: 100, state: 'DELIVRD', error: '000' }]);
  });

  it('honours registered_delivery: none, failure only, success only', () => {
    expect(planReceipts({ ...base, registeredDelivery: 0 })).toEqual([]);
    expect(planReceipts({ ...base, registeredDelivery: 2 })).toEqual([]);
    expect(planReceipts({ ...base, registeredDelivery: 2, outcome: carrierOutcome('998900000002') })).toHaveLength(1);
    expect(planReceipts({ ...base, registeredDelivery: 3, outcome: carrierOutcome('998900000002') })).toEqual([]);
  });

  it('skips parts before the last when the account sends receipts for the last part only', () => {
    expect(planReceipts({ ...base, receiptsFor: 'last-part', lastPart: false })).toEqual([]);
    expect(planReceipts({ ...base, receiptsFor: 'last-part', lastPart: true })).toHaveLength(1);
    expect(planReceipts({ ...base, lastPart: false })).toHaveLength(1);
  });

  it('puts intermediate receipts first and repeats the final one', () => {
    const plan = planReceipts({ ...base, faults: { intermediate: ['ACCEPTD', 'ENROUTE'], times: 2 } });
    expect(plan.map((r) => r.state)).toEqual(['ACCEPTD', 'ENROUTE', 'DELIVRD', 'DELIVRD']);
  });

  it('fakes an instant delivered receipt even for a number that never gets one', () => {
    const plan = planReceipts({ ...base, outcome: carrierOutcome('998900000006'), faults: { instant: true } });
    expect(plan).toEqual([{ afterMs: 0, state: 'DELIVRD', error: '000' }]);
  });

  it('sends nothing under a no-receipt fault', () => {
    expect(planReceipts({ ...base, faults: { none: true } })).toEqual([]);
  });
});
