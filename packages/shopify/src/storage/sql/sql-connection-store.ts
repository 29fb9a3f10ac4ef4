import type { ConnectionStore, ShopConnection } from '../shopify-store';
import type { SqlDatabase } from './sql-database';
import { num, type Row, str, strOrNull } from './sql-values';

function connection(r: Row): ShopConnection {
  return {
    shop: str(r.shop),
    connectionId: str(r.connection_id),
    karvonBaseUrl: str(r.karvon_base_url),
    karvonApiKey: str(r.karvon_api_key),
    senderId: str(r.sender_id),
    webhookEndpointId: strOrNull(r.webhook_endpoint_id),
    webhookSecret: strOrNull(r.webhook_secret),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

export function sqlConnectionStore(db: SqlDatabase, now: () => number): ConnectionStore {
  return {
    async upsert(c) {
      const at = now();
      const row = await db.get(
        `INSERT INTO shopify_connections
           (shop, connection_id, karvon_base_url, karvon_api_key, sender_id, webhook_endpoint_id, webhook_secret,
            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (shop) DO UPDATE SET
           connection_id = excluded.connection_id,
           karvon_base_url = excluded.karvon_base_url,
           karvon_api_key = excluded.karvon_api_key,
           sender_id = excluded.sender_id,
           webhook_endpoint_id = excluded.webhook_endpoint_id,
           webhook_secret = excluded.webhook_secret,
           updated_at = excluded.updated_at
         RETURNING *`,
        [c.shop, c.connectionId, c.karvonBaseUrl, c.karvonApiKey, c.senderId, c.webhookEndpointId, c.webhookSecret, at],
      );
      return connection(row!);
    },
    async get(shop) {
      const row = await db.get(`SELECT * FROM shopify_connections WHERE shop = $1`, [shop]);
      return row ? connection(row) : null;
    },
    async getById(connectionId) {
      const row = await db.get(`SELECT * FROM shopify_connections WHERE connection_id = $1`, [connectionId]);
      return row ? connection(row) : null;
    },
    async delete(shop) {
      return (await db.run(`DELETE FROM shopify_connections WHERE shop = $1`, [shop])) > 0;
    },
  };
}
