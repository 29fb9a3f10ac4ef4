/**
 * Migration 0008: the two queue indexes cover their claim's whole ORDER BY, so a claim reads
 * the rows it takes instead of sorting every candidate (measured by the carriers benchmark:
 * 1.7 ms and 0.9 ms a claim, growing with the backlog and the table).
 *
 * - messages: without `id` SQLite chose `messages_account_created` and walked every message the
 *   account ever sent (delivered ones included) to find the queued ones. Partial: only queued
 *   rows are in it (the claims ask for `status = 'queued'` in so many words), so a message
 *   leaves it once, when sent, instead of moving inside it at every status change.
 * - webhook_deliveries: without `event_seq` every due candidate was sorted to keep the first few.
 *   Partial in the same way: only pending deliveries (the claim's `state = 'pending'`).
 */
export const SCHEMA_V8_QUEUE_INDEXES: readonly string[] = [
  `DROP INDEX messages_queue`,
  `CREATE INDEX messages_queue ON messages (status, priority, account_id, created_at, id) WHERE status = 'queued'`,
  `DROP INDEX webhook_deliveries_due`,
  `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at, event_seq) WHERE state = 'pending'`,
];
