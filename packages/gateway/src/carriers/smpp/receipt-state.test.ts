import { describe, expect, it } from 'vitest';
import { receiptStateForMessageState, statusForReceiptState } from './receipt-state';

describe('statusForReceiptState', () => {
  it.each([
    ['DELIVRD', 'delivered'],
    ['EXPIRED', 'expired'],
    ['DELETED', 'failed'],
    ['UNDELIV', 'failed'],
    ['REJECTD', 'bounced'],
    ['UNKNOWN', 'unknown'],
    ['ACCEPTD', null],
    ['ENROUTE', null],
    ['delivrd', 'delivered'],
    ['GARBAGE', null],
  ])('maps %s to %s', (state, status) => {
    expect(statusForReceiptState(state)).toBe(status);
  });

  it('reads message_state TLV values', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(receiptStateForMessageState)).toEqual([
      'ENROUTE',
      'DELIVRD',
      'EXPIRED',
      'DELETED',
      'UNDELIV',
      'ACCEPTD',
      'UNKNOWN',
      'REJECTD',
      null,
    ]);
  });
});
