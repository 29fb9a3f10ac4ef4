import type { InboxEvent, InboxStatus, WebhookInbox } from '../shopify-store';
import { newId } from './new-id';
import type { SqlDatabase, SqlValue } from './sql-database';
import { num, type Row, str, strOrNull } from './sql-values';

const STATUSES: readonly InboxStatus[] = ['pending', 'processing', 'done', 'failed'];
// Enough of a handler's error for the merchant's log; a stack trace can be long.
const MAX_ERROR = 2_000;

function inboxEvent(r: Row): InboxEvent {
  return {
    id: str(r.id),
    shop: str(r.shop),
    eventId: str(r.event_id),
    topic: str(r.topic),
    webhookId: strOrNull(r.webhook_id),
    apiVersion: strOrNull(r.api_version),
    // Erased once processed (it holds customer data); the type stays a string for the handlers.
    payload: strOrNull(r.payload) ?? '',
    status: str(r.status) as InboxStatus,
    attempts: num(r.attempts),
    receivedAt: num(r.received_at),
    availableAt: num(r.available_at),
    lastError: strOrNull(r.last_error),
  };
}

const DUE = `((status = 'pending' AND available_at <= $1) OR (status = 'processing' AND lease_until <= $1))`;

// Taking back an event whose lease ran out counts as an attempt: the process that had it stopped
// mid-way, and an event that stops every process that handles it must end up failed, not loop.
const CLAIM_SET = `status = 'processing', lease_until = $2,
  attempts = attempts + CASE WHEN status = 'processing' THEN 1 ELSE 0 END,
  last_error = CASE WHEN status = 'processing'
    THEN 'The process handling it stopped before finishing (its lease ran out).' ELSE last_error END`;

/**
 * Claims due events in one statement, so two workers never get the same one. PostgreSQL skips rows
 * another claimer has locked instead of waiting for them; the CTE is MATERIALIZED because a subquery
 * inside the UPDATE may be run again mid-update and lock rows past its LIMIT. SQLite has one writer,
 * and the statement runs inside BEGIN IMMEDIATE (see SqlDatabase.transaction).
 */
function claimStatement(dialect: SqlDatabase['dialect']): string {
  if (dialect === 'postgres') {
    return `WITH due AS MATERIALIZED (
        SELECT id FROM shopify_webhook_inbox WHERE ${DUE} ORDER BY received_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
      )
      UPDATE shopify_webhook_inbox AS inbox SET ${CLAIM_SET}
      FROM due WHERE inbox.id = due.id
      RETURNING inbox.*`;
  }
  return `UPDATE shopify_webhook_inbox SET ${CLAIM_SET}
    WHERE id IN (SELECT id FROM shopify_webhook_inbox WHERE ${DUE} ORDER BY received_at, id LIMIT $3)
    RETURNING *`;
}

export function sqlWebhookInbox(db: SqlDatabase, now: () => number): WebhookInbox {
  const claimSql = claimStatement(db.dialect);
  return {
    async insert(event) {
      const at = now();
      const inserted = await db.get(
        `INSERT INTO shopify_webhook_inbox
           (id, shop, event_id, topic, webhook_id, api_version, payload, status, attempts, received_at, available_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9)
         ON CONFLICT (shop, event_id) DO NOTHING
         RETURNING *`,
        [
          newId('inb', at),
          event.shop,
          event.eventId,
          event.topic,
          event.webhookId,
          event.apiVersion,
          event.payload,
          at,
          event.availableAt ?? at,
        ],
      );
      if (inserted) return { inserted: true, event: inboxEvent(inserted) };
      const existing = await db.get(`SELECT * FROM shopify_webhook_inbox WHERE shop = $1 AND event_id = $2`, [
        event.shop,
        event.eventId,
      ]);
      return { inserted: false, event: inboxEvent(existing!) };
    },
    async claim(limit, leaseMs) {
      if (limit < 1) return [];
      const at = now();
      const [result] = await db.transaction([{ sql: claimSql, params: [at, at + leaseMs, Math.floor(limit)] }]);
      // RETURNING has no order: hand them out in arrival order.
      return (result?.rows ?? [])
        .map(inboxEvent)
        .sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async complete(id) {
      await db.run(
        `UPDATE shopify_webhook_inbox SET status = 'done', payload = NULL, lease_until = NULL, last_error = NULL
         WHERE id = $1`,
        [id],
      );
    },
    async retryLater(id, error, availableAt, maxAttempts) {
      // Only from `processing`: a worker whose lease ran out must not undo another's `done`.
      const row = await db.get<{ status: string }>(
        `UPDATE shopify_webhook_inbox SET
           attempts = attempts + 1,
           status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'pending' END,
           available_at = $4,
           last_error = $2,
           lease_until = NULL
         WHERE id = $1 AND status = 'processing'
         RETURNING status`,
        [id, error.slice(0, MAX_ERROR), maxAttempts, availableAt],
      );
      if (row) return row.status as InboxStatus;
      const current = await db.get<{ status: string }>(`SELECT status FROM shopify_webhook_inbox WHERE id = $1`, [id]);
      if (!current) throw new Error(`No webhook inbox event ${id}`);
      return current.status as InboxStatus;
    },
    async counts(shop, origin) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (shop !== undefined) {
        params.push(shop);
        where.push(`shop = $${params.length}`);
      }
      // Events from the Karvon gateway are stored under `karvon/…` topics (webhooks/topics.ts).
      if (origin === 'karvon') where.push(`topic LIKE 'karvon/%'`);
      if (origin === 'platform') where.push(`topic NOT LIKE 'karvon/%'`);
      const rows = await db.all<{ status: string; n: unknown }>(
        `SELECT status, COUNT(*) AS n FROM shopify_webhook_inbox${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY status`,
        params,
      );
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<InboxStatus, number>;
      for (const row of rows)
        if (STATUSES.includes(row.status as InboxStatus)) counts[row.status as InboxStatus] = num(row.n);
      return counts;
    },
  };
}
