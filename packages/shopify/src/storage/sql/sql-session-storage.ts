import type { Session } from '@shopify/shopify-api';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import type { SessionStorageExtras } from '../shopify-store';
import { SESSION_COLUMNS, sessionFromRow, sessionValues } from './session-columns';
import type { SqlDatabase } from './sql-database';
import { placeholders } from './sql-values';

const UPSERT = `INSERT INTO shopify_sessions (${SESSION_COLUMNS.join(', ')})
  VALUES (${placeholders(1, SESSION_COLUMNS.length)})
  ON CONFLICT (id) DO UPDATE SET ${SESSION_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
// Well under SQLite's and PostgreSQL's parameter limits.
const DELETE_CHUNK = 500;

/** Shopify's `SessionStorage` on our tables, plus the per-shop extras the app needs. */
export function sqlSessionStorage(db: SqlDatabase, now: () => number): SessionStorage & SessionStorageExtras {
  const load = async (id: string): Promise<Session | undefined> => {
    const row = await db.get(`SELECT * FROM shopify_sessions WHERE id = $1`, [id]);
    return row ? sessionFromRow(row) : undefined;
  };
  return {
    async storeSession(session) {
      await db.run(UPSERT, sessionValues(session, now()));
      return true;
    },
    loadSession: load,
    async deleteSession(id) {
      await db.run(`DELETE FROM shopify_sessions WHERE id = $1`, [id]);
      return true;
    },
    async deleteSessions(ids) {
      for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
        const chunk = ids.slice(i, i + DELETE_CHUNK);
        await db.run(`DELETE FROM shopify_sessions WHERE id IN (${placeholders(1, chunk.length)})`, chunk);
      }
      return true;
    },
    async findSessionsByShop(shop) {
      const rows = await db.all(`SELECT * FROM shopify_sessions WHERE shop = $1 ORDER BY id`, [shop]);
      return rows.map(sessionFromRow);
    },
    loadOfflineSession: (shop) => load(`offline_${shop}`),
    deleteShopSessions: (shop) => db.run(`DELETE FROM shopify_sessions WHERE shop = $1`, [shop]),
  };
}
