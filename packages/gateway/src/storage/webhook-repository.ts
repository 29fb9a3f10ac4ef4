/** The storage side of outgoing webhooks and the event stream (migration 0006). */

export interface DueWebhook {
  eventId: string;
  /** The endpoint id, or `callback:<account id>` for a message's callbackUrl. */
  target: string;
  accountId: string;
  endpointId: string | null;
  url: string;
  eventSeq: number;
  type: string;
  /** The body to send, as stored when the event happened. */
  payload: string;
  /** Attempts made so far. */
  attempts: number;
  /** Every secret to sign with: the current one, and the previous one during its grace period. SECRET. */
  secrets: string[];
}

export interface WebhookAttemptInput {
  eventId: string;
  target: string;
  owner: string;
  at: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** `delivered` (2xx), `retry` at `nextAttemptAt`, or `failed` (no attempts left). */
  outcome: 'delivered' | 'retry' | 'failed';
  nextAttemptAt?: number;
  /** An endpoint failing since before this is disabled. */
  disableIfFailingSince: number;
}

export interface WebhookAttemptRecord {
  eventId: string;
  target: string;
  attempt: number;
  at: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface StoredEvent {
  seq: number;
  id: string;
  accountId: string;
  type: string;
  messageId: string | null;
  occurredAt: number;
  payload: string;
}

export interface WebhookRepository {
  /**
   * Leases due deliveries, oldest first, skipping the endpoints in `busy` (per-endpoint isolation:
   * a slow endpoint fills only its own slots). PostgreSQL skips rows other processes hold.
   */
  claim(input: {
    owner: string;
    now: number;
    limit: number;
    leaseMs: number;
    /** Deliveries this process has in flight per target; none is leased beyond `perTarget`. */
    active: ReadonlyMap<string, number>;
    perTarget: number;
  }): Promise<DueWebhook[]>;
  /** Logs the attempt and moves the delivery on; the endpoint's health follows. */
  recordAttempt(input: WebhookAttemptInput): Promise<void>;
  attempts(
    accountId: string,
    endpointId: string,
    input: { limit: number; eventId?: string },
  ): Promise<WebhookAttemptRecord[]>;
  /**
   * Delivers again: one event, or every event of a time range, to one endpoint (re-enabling it).
   * Returns how many deliveries were queued.
   */
  replay(input: {
    accountId: string;
    endpointId: string;
    eventId?: string;
    since?: number;
    until?: number;
    now: number;
  }): Promise<number | undefined>;
  /** A new secret; the old one still signs until `graceUntil`. undefined when no such endpoint. */
  rotateSecret(input: { accountId: string; endpointId: string; secret: string; graceUntil: number }): Promise<boolean>;
  /** Endpoint health for the API: disabled and failing times. */
  health(
    accountId: string,
    endpointId: string,
  ): Promise<{ disabledAt: number | null; failingSince: number | null } | undefined>;
  /** Events of an account after `afterSeq`, oldest first (the event stream). */
  eventsAfter(input: {
    accountId: string;
    afterSeq: number;
    types?: readonly string[];
    limit: number;
  }): Promise<StoredEvent[]>;
  /** The seq of the account's newest event (0 when none): where a stream without a cursor starts. */
  latestSeq(accountId: string): Promise<number>;
  /** The seq of an event id (a Last-Event-ID), or undefined. */
  eventSeq(accountId: string, eventId: string): Promise<number | undefined>;
}
