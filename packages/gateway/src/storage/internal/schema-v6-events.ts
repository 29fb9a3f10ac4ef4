/**
 * Migration 0006: the event outbox. Every status change (and inbound message, opt-out change)
 * writes an event in the transaction that made it, with one delivery row per endpoint that
 * subscribes, so a restart loses no event and a webhook is retried from the database.
 * `seq` orders the events for the event stream (`Last-Event-ID`); its column type differs.
 */
function eventsTable(seq: string): string {
  return `CREATE TABLE events (
    seq ${seq},
    id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL,
    type TEXT NOT NULL,
    message_id TEXT,
    message_seq BIGINT,
    occurred_at BIGINT NOT NULL,
    payload TEXT NOT NULL
  )`;
}

const COMMON: readonly string[] = [
  `CREATE INDEX events_account_seq ON events (account_id, seq)`,
  `CREATE INDEX events_occurred ON events (occurred_at)`,
  // target: the endpoint id, or `callback:<account id>` for a message's callbackUrl.
  `CREATE TABLE webhook_deliveries (
    event_id TEXT NOT NULL,
    target TEXT NOT NULL,
    account_id TEXT NOT NULL,
    endpoint_id TEXT,
    url TEXT NOT NULL,
    event_seq BIGINT NOT NULL,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    last_status BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    PRIMARY KEY (event_id, target)
  )`,
  `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)`,
  `CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, event_seq)`,
  `CREATE TABLE webhook_attempts (
    event_id TEXT NOT NULL,
    target TEXT NOT NULL,
    attempt BIGINT NOT NULL,
    endpoint_id TEXT,
    account_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    status_code BIGINT,
    error TEXT,
    PRIMARY KEY (event_id, target, attempt)
  )`,
  `CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, at)`,
  `ALTER TABLE webhook_endpoints ADD COLUMN disabled_at BIGINT`,
  `ALTER TABLE webhook_endpoints ADD COLUMN failing_since BIGINT`,
  // SECRET, like `secret`: the one being rotated out, signed with too until it expires.
  `ALTER TABLE webhook_endpoints ADD COLUMN previous_secret TEXT`,
  `ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at BIGINT`,
];

export const SQLITE_SCHEMA_V6_EVENTS: readonly string[] = [eventsTable('INTEGER PRIMARY KEY AUTOINCREMENT'), ...COMMON];
export const POSTGRES_SCHEMA_V6_EVENTS: readonly string[] = [eventsTable('BIGSERIAL PRIMARY KEY'), ...COMMON];
