import type { CarrierOutcome } from '../outcomes/carrier-outcome';
import type { ReceiptState } from './receipt-state';

/** One receipt to send, `afterMs` after the submit_sm_resp. */
export interface PlannedReceipt {
  readonly afterMs: number;
  readonly state: ReceiptState;
  readonly error: string;
}

export interface ReceiptPlanInput {
  readonly registeredDelivery: number;
  /** False for a part that is not the last one of a long message. */
  readonly lastPart: boolean;
  readonly receiptsFor: 'every-part' | 'last-part';
  readonly outcome: CarrierOutcome;
  readonly receiptDelayMs: number;
  /** The receipt faults in force for this submit. */
  readonly faults: {
    readonly none?: boolean;
    readonly instant?: boolean;
    /** How many times the final receipt is sent (2 = once repeated). */
    readonly times?: number;
    readonly intermediate?: readonly ReceiptState[];
  };
}

/**
 * The receipts a submit gets, in order. `registered_delivery` bits 0–1 (SMPP 3.4 §5.2.17):
 * 0 none, 1 on the final outcome, 2 on failure only, 3 on success only (SMPP 5.0's meaning of
 * the value 3.4 reserves).
 */
export function planReceipts(input: ReceiptPlanInput): PlannedReceipt[] {
  const { faults } = input;
  const requested = input.registeredDelivery & 0x03;
  if (faults.none || requested === 0) return [];
  if (input.receiptsFor === 'last-part' && !input.lastPart) return [];

  // A fake instant receipt: the carrier says delivered at once, whatever really happens.
  const final = faults.instant ? { state: 'DELIVRD' as const, error: '000' } : input.outcome.receipt;
  if (final === null) return [];
  const success = final.state === 'DELIVRD';
  if ((requested === 2 && success) || (requested === 3 && !success)) return [];

  const delay = faults.instant ? 0 : input.receiptDelayMs + input.outcome.extraDelayMs;
  const plan: PlannedReceipt[] = (faults.intermediate ?? []).map((state) => ({ afterMs: 0, state, error: '000' }));
  for (let i = 0; i < Math.max(1, faults.times ?? 1); i++) plan.push({ afterMs: delay, ...final });
  return plan;
}
