/**
 * The receipt states of SMPP 3.4 (Appendix B), as written in the receipt text `stat:` field,
 * and the `message_state` TLV value each one stands for (§5.2.28).
 */
export const RECEIPT_STATES = {
  ENROUTE: 1,
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
} as const;

export type ReceiptState = keyof typeof RECEIPT_STATES;

/** True for a state that ends the message (not ENROUTE or ACCEPTD). */
export function isFinalReceiptState(state: ReceiptState): boolean {
  return state !== 'ENROUTE' && state !== 'ACCEPTD';
}
