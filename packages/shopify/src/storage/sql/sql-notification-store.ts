import type { NotificationStore } from '../shopify-store';
import { newId } from './new-id';
import { notificationFromRow } from './notification-row';
import type { SqlDatabase } from './sql-database';

const MAX_PAGE = 500;
const CURSOR = /^(\d{1,16})\|(.{1,200})$/;

/** `createdAt|id` of a row: the `before` of the next page. */
const cursorOf = (n: { createdAt: number; id: string }) => `${n.createdAt}|${n.id}`;

export function sqlNotificationStore(db: SqlDatabase, now: () => number): NotificationStore {
  return {
    async claim(input) {
      const at = now();
      // One statement decides who creates the row: concurrent claims of the same
      // (shop, order, kind, fulfillment) all read back the single winner.
      const inserted = await db.get(
        `INSERT INTO shopify_notifications
           (id, shop, order_id, kind, fulfillment_id, customer_id, phone, locale, status, order_name,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $10)
         ON CONFLICT (shop, order_id, kind, fulfillment_id) DO NOTHING
         RETURNING *`,
        [
          newId('ntf', at),
          input.shop,
          input.orderId,
          input.kind,
          input.fulfillmentId,
          input.customerId,
          input.phone,
          input.locale,
          input.orderName,
          at,
        ],
      );
      if (inserted) return { notification: notificationFromRow(inserted), created: true };
      const existing = await db.get(
        `SELECT * FROM shopify_notifications
         WHERE shop = $1 AND order_id = $2 AND kind = $3 AND fulfillment_id = $4`,
        [input.shop, input.orderId, input.kind, input.fulfillmentId],
      );
      return { notification: notificationFromRow(existing!), created: false };
    },
    async get(id) {
      const row = await db.get(`SELECT * FROM shopify_notifications WHERE id = $1`, [id]);
      return row ? notificationFromRow(row) : null;
    },
    async listByOrder(shop, orderId) {
      const rows = await db.all(
        `SELECT * FROM shopify_notifications WHERE shop = $1 AND order_id = $2 ORDER BY created_at, id`,
        [shop, orderId],
      );
      return rows.map(notificationFromRow);
    },
    async markSent(id, sent) {
      await db.run(
        `UPDATE shopify_notifications SET status = 'sent', reason = NULL, gateway_message_id = $2,
           gateway_status = $3, segments = $4, updated_at = $5
         WHERE id = $1`,
        [id, sent.gatewayMessageId, sent.gatewayStatus, sent.segments, now()],
      );
    },
    async markSkipped(id, reason) {
      await db.run(`UPDATE shopify_notifications SET status = 'skipped', reason = $2, updated_at = $3 WHERE id = $1`, [
        id,
        reason,
        now(),
      ]);
    },
    async markFailed(id, reason) {
      await db.run(`UPDATE shopify_notifications SET status = 'failed', reason = $2, updated_at = $3 WHERE id = $1`, [
        id,
        reason,
        now(),
      ]);
    },
    async updateGatewayStatus(gatewayMessageId, gatewayStatus, reason) {
      // A null or missing reason keeps the one there: a later `delivered` says nothing about why.
      await db.run(
        `UPDATE shopify_notifications SET gateway_status = $2, reason = COALESCE($3, reason), updated_at = $4
         WHERE gateway_message_id = $1`,
        [gatewayMessageId, gatewayStatus, reason ?? null, now()],
      );
    },
    async list(shop, page) {
      const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit)));
      let rows: Record<string, unknown>[];
      if (page.before === undefined) {
        rows = await db.all(
          `SELECT * FROM shopify_notifications WHERE shop = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
          [shop, limit + 1],
        );
      } else {
        const match = CURSOR.exec(page.before);
        if (!match) throw new RangeError('Not a notification cursor: pass the `next` of the previous page.');
        rows = await db.all(
          `SELECT * FROM shopify_notifications
           WHERE shop = $1 AND (created_at < $2 OR (created_at = $2 AND id < $3))
           ORDER BY created_at DESC, id DESC LIMIT $4`,
          [shop, Number(match[1]), match[2]!, limit + 1],
        );
      }
      const items = rows.slice(0, limit).map(notificationFromRow);
      const last = items.at(-1);
      return { items, next: rows.length > limit && last ? cursorOf(last) : null };
    },
  };
}
