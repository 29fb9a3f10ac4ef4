/** Opt-outs as events: the consent ledger, opt-out links and inbound messages (migration 0007). */

export type ConsentAction = 'opt_out' | 'opt_in';

export interface ConsentChange {
  /** null: a global opt-out (a STOP on a shared code no account can be given). */
  accountId: string | null;
  phoneNumber: string;
  action: ConsentAction;
  /** `account`: this account's messages (marketing, per the compliance rules); `all`: everything. */
  scope: 'account' | 'all';
  source: 'keyword' | 'link' | 'api' | 'carrier' | (string & {});
  keyword: string | null;
  at: number;
}

export interface ConsentLedgerRepository {
  /**
   * Applies an opt-out or opt-in (the opt_outs row added or removed), writes the ledger entry and,
   * when the state changed, emits `opt_out.changed` — one transaction. Returns whether it changed.
   */
  record(change: ConsentChange): Promise<boolean>;
  /** A global opt-out of the number (shared code, unattributed STOP). */
  globallyOptedOut(phoneNumber: string): Promise<boolean>;
  /** The ledger of a number for an account, oldest first. */
  history(accountId: string, phoneNumber: string): Promise<(ConsentChange & { changed: boolean })[]>;
}

export interface OptOutLinkRepository {
  /** The link code of (account, phone), created on first use: 8 characters of [A-Za-z0-9], unique. */
  codeFor(input: { accountId: string; phoneNumber: string; now: number }): Promise<string>;
  /** What a code points at; undefined when unknown. */
  resolve(
    code: string,
  ): Promise<{ accountId: string; phoneNumber: string; accountName: string; usedAt: number | null } | undefined>;
}

export interface InboundPart {
  carrier: string;
  source: string;
  destination: string;
  reference: number;
  total: number;
  seq: number;
  text: string;
  receivedAt: number;
}

export interface InboundRecord {
  id: string;
  accountId: string | null;
  from: string;
  to: string;
  body: string;
  carrier: string | null;
  keyword: string | null;
  action: string | null;
  receivedAt: number;
}

export interface InboundRepository {
  /** Keeps one part of a concatenated message; returns the whole text once every part is in. */
  addPart(part: InboundPart): Promise<string | undefined>;
  /** Stores the message and emits `message.inbound` for its account, in one transaction. */
  record(message: InboundRecord): Promise<void>;
  /** Accounts with an approved sender equal to this number (its owners). */
  ownersOf(number: string): Promise<string[]>;
  /** The account that last sent `to` a message from `via` since `since` (shared codes). */
  lastSender(input: { to: string; via: string; since: number }): Promise<string | undefined>;
  /** Newest first. */
  list(accountId: string, input: { limit: number; before?: number }): Promise<InboundRecord[]>;
}
