import pg from 'pg';
import type { SqlDatabase, SqlResult, SqlValue } from '../sql/sql-database';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';

export interface PostgresDatabaseOptions {
  connectionString: string;
  /** A schema to create and use instead of the server's search_path (tests give each file its own). */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
}

export interface PostgresDatabase extends SqlDatabase {
  readonly pool: pg.Pool;
}

// BIGINT (oid 20), which COUNT() answers too, comes back as a string by default; ours are
// milliseconds and counts, well inside Number.MAX_SAFE_INTEGER.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// Advisory locks take (int4, int4) here: this first key is ours ("KS"), so our names cannot
// collide with the single-bigint keys other software (the Karvon gateway's migrations) uses.
const LOCK_SPACE = 0x4b53;

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return `"${name}"`;
}

/** Connects, runs pending migrations (once, whatever the number of processes starting), returns the database. */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<PostgresDatabase> {
  const schema = options.schema === undefined ? undefined : quoteIdent(options.schema);
  const config: pg.PoolConfig = {
    connectionString: options.connectionString,
    types,
    // A search_path parameter in the URL's `options` would win over this one (pg reads the URL last).
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...config, max: options.max ?? 10 });
  // withLock holds a connection for as long as its work runs, and the work queries through `pool`:
  // a pool of its own, so waiters for a lock can never take every connection the holder needs.
  const lockPool = new pg.Pool({ ...config, max: options.max ?? 10, idleTimeoutMillis: 5_000 });
  // An idle client's error (a server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  lockPool.on('error', () => {});
  try {
    await migrate(pool, schema);
  } catch (error) {
    await Promise.all([pool.end(), lockPool.end()]);
    throw error;
  }

  const query = async (sql: string, params?: readonly SqlValue[]) =>
    pool.query<Record<string, unknown>>(sql, params as SqlValue[] | undefined);
  let closed = false;

  return {
    dialect: 'postgres',
    pool,
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    transaction: async (list) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const results: SqlResult[] = [];
        for (const s of list) {
          const result = await client.query<Record<string, unknown>>(s.sql, s.params as SqlValue[] | undefined);
          results.push({ rows: result.rows, changes: result.rowCount ?? 0 });
        }
        await client.query('COMMIT');
        return results;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    withLock: async (name, work) => {
      const client = await lockPool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_SPACE, name]);
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      try {
        return await work();
      } finally {
        try {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, name]);
          client.release();
        } catch (error) {
          // Not returned to the pool: closing the connection is what frees a lock we could not unlock.
          client.release(error as Error);
        }
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Several processes may start at once: one migrates, the others wait here and find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, 'karvon-shopify migrations']);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS shopify_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ id: string }>('SELECT id FROM shopify_migrations')).rows.map((r) => r.id),
    );
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO shopify_migrations (id, applied_at) VALUES ($1, $2)', [migration.id, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
