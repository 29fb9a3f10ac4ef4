import type { CarrierReceipt } from '../carrier';

/** Receipt `stat:` words and `message_state` values (SMPP 3.4 §5.2.28 and Appendix B). */
export const RECEIPT_MESSAGE_STATES = {
  ENROUTE: 1,
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
} as const;

export type ReceiptStateWord = keyof typeof RECEIPT_MESSAGE_STATES;

const STATUS_OF: Readonly<Record<ReceiptStateWord, CarrierReceipt['status']>> = {
  // Intermediate: the carrier still holds it, nothing ends.
  ENROUTE: null,
  // Many SMSCs send ACCEPTD as "taken into the store", before the handset got it.
  ACCEPTD: null,
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'failed',
  UNDELIV: 'failed',
  // The carrier refused the recipient (unknown or barred subscriber).
  REJECTD: 'bounced',
  // "Invalid state": the carrier cannot tell; not terminal, a later receipt may settle it.
  UNKNOWN: 'unknown',
};

/** The contract status a receipt moves a part to, or null for an intermediate (or unreadable) one. */
export function statusForReceiptState(state: string): CarrierReceipt['status'] {
  const word = state.trim().toUpperCase();
  return Object.hasOwn(STATUS_OF, word) ? STATUS_OF[word as ReceiptStateWord] : null;
}

/** The state word for a `message_state` TLV value, or null when out of range. */
export function receiptStateForMessageState(value: number): ReceiptStateWord | null {
  for (const [word, code] of Object.entries(RECEIPT_MESSAGE_STATES))
    if (code === value) return word as ReceiptStateWord;
  return null;
}
