import type { ReceiptState } from '../receipts/receipt-state';

/** Which traffic a fault applies to; every field left out matches everything. */
export interface FaultTarget {
  /** The account's `system_id`. */
  readonly account?: string;
  /** The destination address exactly as the submit_sm carries it. */
  readonly destination?: string;
}

/**
 * A misbehaviour the simulator shows on command. Faults on `submit_sm` (the first seven) decide
 * the response; faults on receipts change what follows an accepted submit.
 */
export type FaultSpec = FaultTarget & { readonly count?: number } & (
    | { readonly kind: 'throttle' }
    | { readonly kind: 'queue-full' }
    | { readonly kind: 'reject'; readonly status: number }
    | { readonly kind: 'drop'; readonly afterSubmits?: number }
    | { readonly kind: 'stall' }
    | { readonly kind: 'slow-response'; readonly delayMs: number }
    | { readonly kind: 'receipt-before-response'; readonly responseDelayMs?: number }
    | { readonly kind: 'repeat-receipt'; readonly times?: number }
    | { readonly kind: 'intermediate-receipts'; readonly states?: readonly ReceiptState[] }
    | { readonly kind: 'instant-receipt' }
    | { readonly kind: 'no-receipt' }
  );

export type FaultKind = FaultSpec['kind'];

/** A fault as the controller keeps it: its id and how many more PDUs it may affect. */
export interface ActiveFault {
  readonly id: number;
  readonly spec: FaultSpec;
  /** Left to apply; Infinity until cleared. */
  remaining: number;
  /** submit_sm seen by a `drop` fault with `afterSubmits`. */
  seen: number;
}
