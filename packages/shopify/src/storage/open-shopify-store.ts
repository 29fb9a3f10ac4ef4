import { join, resolve } from 'node:path';
import { openPostgresDatabase } from './postgres/open-postgres-database';
import type { ShopifyStore } from './shopify-store';
import { createSqlStore } from './sql/create-sql-store';
import { openSqliteDatabase } from './sqlite/open-sqlite-database';

export interface OpenShopifyStoreOptions {
  /** `postgres://…`: use PostgreSQL. Without it, a SQLite file under `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL only: a schema to create and use rather than the server's search_path. */
  schema?: string;
  /** SQLite only: the directory of the file, created if missing. Default `./data`. */
  dataDir?: string;
  /** SQLite only: default `karvon-shopify.sqlite`; `:memory:` for a throwaway in-process database. */
  fileName?: string;
  /** The clock for every stored time, lease and lock expiry. Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_SQLITE_FILE_NAME = 'karvon-shopify.sqlite';

/** Opens the app's store, creating and migrating its tables first. */
export async function openShopifyStore(options: OpenShopifyStoreOptions = {}): Promise<ShopifyStore> {
  const now = options.now ?? Date.now;
  if (options.databaseUrl) {
    const db = await openPostgresDatabase({
      connectionString: options.databaseUrl,
      ...(options.schema !== undefined ? { schema: options.schema } : {}),
    });
    return createSqlStore(db, now);
  }
  const fileName = options.fileName ?? DEFAULT_SQLITE_FILE_NAME;
  const file = fileName === ':memory:' ? fileName : join(resolve(options.dataDir ?? './data'), fileName);
  return createSqlStore(openSqliteDatabase({ file, now }), now);
}
