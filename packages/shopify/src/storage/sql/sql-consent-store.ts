import type { ConsentStore } from '../shopify-store';
import { consentFromRow } from './consent-row';
import type { SqlDatabase } from './sql-database';

export function sqlConsentStore(db: SqlDatabase, now: () => number): ConsentStore {
  return {
    async put(record) {
      const row = await db.get(
        `INSERT INTO shopify_consent (shop, customer_id, phone, state, source, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (shop, customer_id) DO UPDATE SET
           phone = excluded.phone,
           state = excluded.state,
           source = excluded.source,
           updated_at = excluded.updated_at
         RETURNING *`,
        [record.shop, record.customerId, record.phone, record.state, record.source, now()],
      );
      return consentFromRow(row!);
    },
    async get(shop, customerId) {
      const row = await db.get(`SELECT * FROM shopify_consent WHERE shop = $1 AND customer_id = $2`, [
        shop,
        customerId,
      ]);
      return row ? consentFromRow(row) : null;
    },
    async findByPhone(shop, phone) {
      const rows = await db.all(
        `SELECT * FROM shopify_consent WHERE shop = $1 AND phone = $2 ORDER BY updated_at DESC, customer_id`,
        [shop, phone],
      );
      return rows.map(consentFromRow);
    },
  };
}
