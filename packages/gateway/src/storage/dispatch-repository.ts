import type { MessageRecord, MessageTransition } from './repository';

/**
 * The storage side of dispatch, receipts and carrier binds: the parts of the
 * repository the carriers issue added. Same rules as the rest: each operation
 * atomic on its own, safe with several gateway processes on one PostgreSQL.
 */

/** A live message leased to one dispatcher. */
export interface ClaimedMessage extends MessageRecord {
  /** Submit attempts so far (each written intent counts). */
  attempts: number;
  /** Carriers this message was not sent on; failover does not go back to them. */
  excludedCarriers: string[];
  /** The carrier of the last attempt. */
  carrier: string | null;
  /**
   * A previous holder wrote its intent to submit and never the answer (it
   * died, or its lease ran out): the message may have reached the carrier.
   */
  interruptedSubmit: boolean;
}

export interface ClaimInput {
  owner: string;
  now: number;
  limit: number;
  leaseMs: number;
  /** Round-robin position per lane (priority → last account served), from the previous claim. */
  cursor?: ClaimCursor;
}

export type ClaimCursor = Readonly<Record<number, string>>;

export interface ClaimResult {
  messages: ClaimedMessage[];
  cursor: ClaimCursor;
}

export interface BeginSubmitInput {
  id: string;
  owner: string;
  carrier: string;
  now: number;
  leaseUntil: number;
  /** The operator as resolved at dispatch (number portability), stored on the message. */
  operator?: { operator: string | null; source: string | null };
}

export interface AcceptedSubmit {
  id: string;
  accountId: string;
  owner: string;
  carrier: string;
  /** One per part, normalised. */
  carrierMessageIds: readonly string[];
  /** Per part: does the carrier send a receipt for it (false for all but the last with `last_part`). */
  receiptExpected: readonly boolean[];
  now: number;
  /** When no receipt has come by then, the message becomes `unknown`. */
  receiptDeadline: number;
}

/** `sent`: recorded normally. `late`: the lease was lost meanwhile; parts are kept so a receipt still resolves it. */
export type AcceptedResult = 'sent' | 'late' | 'gone';

export interface RequeueInput {
  id: string;
  owner: string;
  now: number;
  dueAt: number;
  /** A carrier the message was not sent on (failover). */
  exclude?: string;
  /** A throttle is not an attempt of the message; a failover is. Default true. */
  countsAsAttempt?: boolean;
  /** Every route was tried or is down: forget the exclusions, so the retry may try them all again. */
  resetExclusions?: boolean;
}

export interface QueueDepthRow {
  priority: number;
  accountId: string;
  /** `queued` or `scheduled`. */
  status: string;
  carrier: string | null;
  count: number;
  oldestCreatedAt: number;
}

/** Messages per carrier, operator and status since a time: the figures for delivery reports. */
export interface DeliveryReportRow {
  carrier: string | null;
  operator: string | null;
  status: string;
  count: number;
}

export interface ReceiptInput {
  /** Our id for the receipt row. */
  id: string;
  carrier: string;
  carrierMessageId: string;
  state: string;
  /** The part status it moves to; null for an intermediate receipt. */
  status: string | null;
  errorCode: string | null;
  receivedAt: number;
  submittedAt: number | null;
  doneAt: number | null;
}

/**
 * - `applied`: the part moved (and the message, when its roll-up changed).
 * - `duplicate`: the part already had this status; nothing changed.
 * - `intermediate`: recorded; the message waits on.
 * - `stale`: the part belongs to an earlier attempt or already ended otherwise; recorded only.
 * - `held`: no part has this id yet (the receipt beat the submit_sm_resp); matched later.
 */
export type ReceiptOutcome = 'applied' | 'duplicate' | 'intermediate' | 'stale' | 'held';

export interface ReceiptResult {
  outcome: ReceiptOutcome;
  messageId?: string;
  /** The message's status after the receipt. */
  messageStatus?: string;
}

export interface ReceiptCounts {
  carrier: string;
  outcome: string;
  count: number;
  /** Mean milliseconds from submit to receipt, for receipts that matched. */
  meanLatencyMs: number | null;
}

export interface CarrierLease {
  carrier: string;
  slot: number;
  owner: string;
  expiresAt: number;
}

export interface DispatchRepository {
  /** Due `scheduled` live messages become `queued` (history row each). Returns how many moved. */
  promoteScheduled(input: { now: number; limit: number }): Promise<number>;
  /**
   * Leases up to `limit` due live messages: the transactional lane first,
   * then round-robin across accounts within a lane so one account's campaign
   * cannot starve the others. PostgreSQL skips rows other processes hold.
   */
  claim(input: ClaimInput): Promise<ClaimResult>;
  /** Writes the intent before the submit; false when this owner lost the lease or the message left `queued`. */
  beginSubmit(input: BeginSubmitInput): Promise<boolean>;
  /** The carrier accepted: parts, `queued → sent`, receipt deadline; receipts held for these ids are applied. */
  recordAccepted(input: AcceptedSubmit): Promise<AcceptedResult>;
  /** Back in the queue: lease and intent cleared, due at `dueAt`. */
  requeue(input: RequeueInput): Promise<boolean>;
  /** Ends dispatch with a transition (and refund), lease cleared; false when the owner lost it or the status moved. */
  finish(input: { owner: string; move: MessageTransition }): Promise<boolean>;
  /** Extends every lease this owner holds on a queued message (its submits still under way). */
  renew(input: { owner: string; leaseUntil: number }): Promise<number>;
  /** Drops this owner's leases that carry no intent (at shutdown), so others take the messages at once. */
  release(owner: string): Promise<number>;
  /**
   * Operator: queued messages stuck under a lease or an interrupted intent go back to the queue
   * at once (accepting that an interrupted one may be sent twice). Returns the ids requeued.
   */
  requeueMessages(input: { ids: readonly string[]; now: number }): Promise<string[]>;
  depth(): Promise<QueueDepthRow[]>;
  /** Live messages created since `since`, by carrier, operator and status. */
  report(input: { since: number }): Promise<DeliveryReportRow[]>;
}

export interface ReceiptRepository {
  /** Records the receipt and applies it to its part and the message's roll-up, in one transaction. */
  apply(receipt: ReceiptInput): Promise<ReceiptResult>;
  /**
   * Tries held receipts again (their part may have been committed since, by
   * another process); those received before `unmatchedBefore` become `unmatched`.
   */
  matchHeld(input: { now: number; unmatchedBefore: number; limit: number }): Promise<{
    matched: number;
    unmatched: number;
  }>;
  /** `sent` live messages past their receipt deadline become `unknown`. */
  expireWaiting(input: { now: number; limit: number }): Promise<number>;
  /** Per carrier and outcome since `since` (ms). */
  counts(since: number): Promise<ReceiptCounts[]>;
}

export interface CarrierLeaseRepository {
  /**
   * Renews the owner's slots of this carrier and takes free or expired ones,
   * up to `want` of the carrier's `slots` and no more than an even share among
   * the processes alive (each call is this owner's heartbeat). Returns the slots it holds now.
   */
  acquire(input: {
    carrier: string;
    owner: string;
    slots: number;
    want: number;
    now: number;
    ttlMs: number;
  }): Promise<number[]>;
  release(input: { owner: string; carrier?: string }): Promise<void>;
  list(): Promise<CarrierLease[]>;
}
