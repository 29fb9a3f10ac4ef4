import * as z from 'zod/mini';
import type { Open } from '../common/open';
import type { LedgerEntryId, MessageId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import type { Money } from '../money/money';
import { moneyResponseSchema } from '../money/money-schema';

export const LEDGER_REASONS = ['top_up', 'message_charge', 'message_refund', 'adjustment'] as const;
export type LedgerReason = Open<(typeof LEDGER_REASONS)[number]>;

/** One movement of the balance: positive for credits, negative for charges. */
export interface LedgerEntry {
  id: LedgerEntryId;
  amount: Money;
  reason: LedgerReason;
  messageId?: MessageId;
  /** RFC 3339 */
  createdAt: string;
}

/** The answer to `GET /balance`: the balance and the latest ledger entries, newest first. */
export interface Balance {
  balance: Money;
  ledger: LedgerEntry[];
}

export const ledgerEntrySchema = pure(() =>
  z.looseObject({
    id: idSchema('ledgerEntry'),
    amount: moneyResponseSchema,
    reason: z.string(),
    messageId: z.exactOptional(idSchema('message')),
    createdAt: z.string(),
  }),
);

export const balanceSchema = pure(() =>
  z.looseObject({
    balance: moneyResponseSchema,
    ledger: z.array(ledgerEntrySchema),
  }),
);
