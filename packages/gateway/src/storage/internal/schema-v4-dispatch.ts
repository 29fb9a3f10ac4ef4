/**
 * Migration 0004: the dispatch queue, delivery receipts and carrier bind leases.
 *
 * The queue is the messages table itself: a live message waits in `queued`
 * (or `scheduled`) and leaves it when a carrier answers, so the pending rows
 * are the only ones the dispatch indexes cover once traffic has gone out.
 * A claim is a lease (owner + deadline) on the row; `dispatch_state =
 * 'submitting'` is the intent written before a submit_sm goes out, so a
 * process that dies between the two leaves a mark the next claim resolves.
 */
export const SCHEMA_V4_DISPATCH: readonly string[] = [
  `ALTER TABLE messages ADD COLUMN dispatch_owner TEXT`,
  `ALTER TABLE messages ADD COLUMN dispatch_lease_until BIGINT`,
  `ALTER TABLE messages ADD COLUMN dispatch_state TEXT`,
  `ALTER TABLE messages ADD COLUMN dispatch_attempts BIGINT NOT NULL DEFAULT 0`,
  // JSON array of carriers this message was not sent on (failover never goes back to them).
  `ALTER TABLE messages ADD COLUMN excluded_carriers TEXT`,
  // The carrier of the current attempt.
  `ALTER TABLE messages ADD COLUMN carrier TEXT`,
  // Parts of earlier attempts stay for the record; only the current attempt's roll up.
  `ALTER TABLE messages ADD COLUMN parts_attempt BIGINT NOT NULL DEFAULT 0`,
  // Fair share: the distinct accounts of a lane by index seeks, then each account's oldest.
  `CREATE INDEX messages_queue ON messages (status, priority, account_id, created_at)`,
  `ALTER TABLE message_parts ADD COLUMN attempt BIGINT NOT NULL DEFAULT 1`,
  // 0 for parts whose receipt the carrier never sends (registered_delivery on the last part only).
  `ALTER TABLE message_parts ADD COLUMN receipt_expected BIGINT NOT NULL DEFAULT 1`,
  `CREATE TABLE carrier_receipts (
    id TEXT PRIMARY KEY,
    carrier TEXT NOT NULL,
    carrier_message_id TEXT NOT NULL,
    state TEXT NOT NULL,
    status TEXT,
    error_code TEXT,
    message_id TEXT,
    outcome TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    submitted_at BIGINT,
    done_at BIGINT
  )`,
  `CREATE INDEX carrier_receipts_pending ON carrier_receipts (outcome, received_at)`,
  `CREATE INDEX carrier_receipts_lookup ON carrier_receipts (carrier, carrier_message_id)`,
  `CREATE INDEX carrier_receipts_message ON carrier_receipts (message_id)`,
  `CREATE TABLE carrier_leases (
    carrier TEXT NOT NULL,
    slot BIGINT NOT NULL,
    owner TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (carrier, slot)
  )`,
];

/**
 * Migration 0005: the gateway processes alive now (each renews its row with its bind leases),
 * so the binds of a carrier account are shared out evenly instead of going to whoever asked first.
 */
export const SCHEMA_V5_PROCESSES: readonly string[] = [
  `CREATE TABLE gateway_processes (
    owner TEXT PRIMARY KEY,
    heartbeat_at BIGINT NOT NULL
  )`,
];
