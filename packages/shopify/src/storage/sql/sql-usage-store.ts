import type { UsageRecord, UsageStore } from '../shopify-store';
import type { SqlDatabase } from './sql-database';
import { num, type Row, str, strOrNull } from './sql-values';

function usage(r: Row): UsageRecord {
  const status = str(r.status);
  return {
    shop: str(r.shop),
    notificationId: str(r.notification_id),
    amount: str(r.amount),
    currency: str(r.currency),
    status: status === 'charged' || status === 'failed' ? status : 'pending',
    shopifyUsageRecordId: strOrNull(r.shopify_usage_record_id),
    error: strOrNull(r.error),
    createdAt: num(r.created_at),
  };
}

export function sqlUsageStore(db: SqlDatabase, now: () => number): UsageStore {
  return {
    async record(input) {
      const inserted = await db.get(
        `INSERT INTO shopify_usage_records (notification_id, shop, amount, currency, status, created_at)
         VALUES ($1, $2, $3, $4, 'pending', $5)
         ON CONFLICT (notification_id) DO NOTHING
         RETURNING *`,
        [input.notificationId, input.shop, input.amount, input.currency, now()],
      );
      if (inserted) return usage(inserted);
      const existing = await db.get(`SELECT * FROM shopify_usage_records WHERE notification_id = $1`, [
        input.notificationId,
      ]);
      return usage(existing!);
    },
    async markCharged(notificationId, shopifyUsageRecordId) {
      await db.run(
        `UPDATE shopify_usage_records SET status = 'charged', shopify_usage_record_id = $2, error = NULL
         WHERE notification_id = $1`,
        [notificationId, shopifyUsageRecordId],
      );
    },
    async markFailed(notificationId, error) {
      // A charge Shopify accepted stays charged: a late failure report of a retry must not hide it.
      await db.run(
        `UPDATE shopify_usage_records SET status = 'failed', error = $2 WHERE notification_id = $1 AND status <> 'charged'`,
        [notificationId, error],
      );
    },
    async list(shop) {
      const rows = await db.all(
        `SELECT * FROM shopify_usage_records WHERE shop = $1 ORDER BY created_at, notification_id`,
        [shop],
      );
      return rows.map(usage);
    },
  };
}
