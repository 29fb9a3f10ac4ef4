// Reads what happened to the benchmark's messages straight from a gateway's database (a
// gateway-database.mjs database): while the gateway runs, the count of delivered messages for
// the receipt drain; after it stopped, messages by status, receipts by outcome and the time each
// message spent between its status changes. SQLite is opened read-only beside the running
// gateway (WAL readers never block its writer); PostgreSQL through one pg client.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { median } from './median.mjs';

const COUNT_BY_STATUS = 'SELECT status, count(*) AS n FROM messages GROUP BY status';
const COUNT_DELIVERED = "SELECT count(*) AS n FROM messages WHERE status = 'delivered'";
// Still on their way: waiting for dispatch, or submitted and waiting for the receipt.
const COUNT_UNSETTLED = "SELECT count(*) AS n FROM messages WHERE status IN ('queued', 'sent')";
const LEASES_BY_OWNER = 'SELECT owner, count(*) AS n FROM carrier_leases GROUP BY owner';
const WEBHOOK_DELIVERIES_BY_STATE = 'SELECT state, count(*) AS n FROM webhook_deliveries GROUP BY state';
const RECEIPTS_BY_OUTCOME = 'SELECT outcome, count(*) AS n FROM carrier_receipts GROUP BY outcome';
// Live messages only: the probe is one of them, the bench sends nothing else.
const STAGE_TIMES = `SELECT m.created_at AS accepted_at,
    (SELECT min(h.at) FROM status_history h WHERE h.message_id = m.id AND h.status = 'sent') AS sent_at,
    (SELECT min(h.at) FROM status_history h WHERE h.message_id = m.id AND h.status = 'delivered') AS delivered_at
  FROM messages m WHERE m.mode = 'live'`;

function percentile(sorted, fraction) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function spread(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0 };
  return { count: sorted.length, p50: median(sorted), p99: percentile(sorted, 0.99), max: sorted.at(-1) };
}

/**
 * @param {{ dialect: 'sqlite' | 'postgres', directory?: string, env: Record<string, string> }} database
 * @returns {Promise<{ delivered(): Promise<number>, unsettled(): Promise<number>,
 *   leasesByOwner(): Promise<Record<string, number>>, byStatus(): Promise<Record<string, number>>,
 *   receiptsByOutcome(): Promise<Record<string, number>>, webhookDeliveriesByState(): Promise<Record<string, number>>, stageTimes(): Promise<object>, close(): Promise<void> }>}
 *   stageTimes: milliseconds from accepted to sent (queue and submit), sent to delivered (receipt
 *   round trip and its commit) and accepted to delivered, each as { count, p50, p99, max }.
 *   The `delivered` time is when the receipt reached the gateway (status_history.at).
 */
export async function openMessageOutcomes(database) {
  let all;
  let close;
  if (database.dialect === 'sqlite') {
    const sqlite = new DatabaseSync(join(database.directory, 'karvon.db'), { readOnly: true });
    sqlite.exec('PRAGMA busy_timeout = 5000');
    const statements = new Map();
    all = async (sql) => {
      if (!statements.has(sql)) statements.set(sql, sqlite.prepare(sql));
      return statements.get(sql).all();
    };
    close = async () => sqlite.close();
  } else {
    const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    all = async (sql) => (await client.query(sql)).rows;
    close = () => client.end();
  }
  const grouped = async (sql, key) =>
    Object.fromEntries((await all(sql)).map((row) => [row[key], Number(row.n)]).sort(([a], [b]) => a.localeCompare(b)));
  return {
    delivered: async () => Number((await all(COUNT_DELIVERED))[0].n),
    unsettled: async () => Number((await all(COUNT_UNSETTLED))[0].n),
    byStatus: () => grouped(COUNT_BY_STATUS, 'status'),
    /** Carrier bind slots held, by gateway process (the lease owner). */
    leasesByOwner: () => grouped(LEASES_BY_OWNER, 'owner'),
    receiptsByOutcome: () => grouped(RECEIPTS_BY_OUTCOME, 'outcome'),
    /** The outbox's deliveries by state (pending, delivered, failed). */
    webhookDeliveriesByState: () => grouped(WEBHOOK_DELIVERIES_BY_STATE, 'state'),
    async stageTimes() {
      const rows = await all(STAGE_TIMES);
      const ms = (from, to) => (from === null || to === null ? Number.NaN : Number(to) - Number(from));
      return {
        acceptedToSent: spread(rows.map((row) => ms(row.accepted_at, row.sent_at))),
        sentToDelivered: spread(rows.map((row) => ms(row.sent_at, row.delivered_at))),
        acceptedToDelivered: spread(rows.map((row) => ms(row.accepted_at, row.delivered_at))),
      };
    },
    close,
  };
}
