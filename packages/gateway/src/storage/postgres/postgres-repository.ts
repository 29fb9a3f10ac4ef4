import pg from 'pg';
import { createSqlRepository } from '../internal/sql-repository';
import type { SqlDriver, SqlSession, SqlValue } from '../internal/sql-session';
import type { Repository } from '../repository';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';

export interface PostgresRepositoryOptions {
  connectionString: string;
  /** A schema to create and use (tests give each file its own). Default: the server's search_path. */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
}

// BIGINT (oid 20) and COUNT() come back as strings by default; our values are
// milliseconds and minor units, well inside Number.MAX_SAFE_INTEGER.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const MAX_PARAMS = 65_535;
const MIGRATION_LOCK = 7_361_042_311; // pg_advisory_xact_lock key for "karvon migrations"

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await client.query(sql, params as SqlValue[] | undefined)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await client.query(sql, params as SqlValue[] | undefined)).rows[0] as T | undefined,
    run: async (sql, params) => (await client.query(sql, params as SqlValue[] | undefined)).rowCount ?? 0,
    insertMany: async (table, columns, rows) => {
      const perRow = columns.length;
      const chunk = Math.max(1, Math.floor(MAX_PARAMS / perRow));
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        const values = slice
          .map((_, r) => `(${columns.map((__, c) => `$${r * perRow + c + 1}`).join(', ')})`)
          .join(', ');
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, slice.flat() as SqlValue[]);
      }
    },
  };
}

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return `"${name}"`;
}

/** Connects a pool, runs pending migrations under an advisory lock, and returns the repository. */
export interface PostgresRepository extends Repository {
  /** The pool, for tests that assert session settings. */
  readonly pool: pg.Pool;
}

export async function openPostgresRepository(options: PostgresRepositoryOptions): Promise<PostgresRepository> {
  // synchronous_commit=on is set as a startup parameter of every session, so
  // no connection of the pool can run with a weaker setting from the server's
  // configuration: COMMIT returns only after the WAL is flushed.
  const startup = ['-c synchronous_commit=on'];
  if (options.schema) startup.push(`-c search_path=${options.schema}`);
  if (options.schema) {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: startup.join(' '),
    types,
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const transaction = async <T>(work: (s: SqlSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(sessionOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const poolSession = sessionOf(pool);
  let closed = false;

  const driver: SqlDriver = {
    dialect: 'postgres',
    read: (work) => work(poolSession),
    write: transaction,
    takeToken: async (bucket, rule, now) => {
      // One statement: refill by elapsed time (never negative across clocks),
      // take a token if one is there, remember whether it was taken.
      const refill = `LEAST($2::double precision, rate_limit_buckets.tokens + GREATEST(0, $3 - rate_limit_buckets.updated_at) * $4::double precision / 1000.0)`;
      const row = await poolSession.get<{ tokens: number; allowed: boolean }>(
        `INSERT INTO rate_limit_buckets AS rate_limit_buckets (bucket, tokens, updated_at, allowed)
         VALUES ($1, $2::double precision - 1, $3, true)
         ON CONFLICT (bucket) DO UPDATE SET
           tokens = CASE WHEN ${refill} >= 1 THEN ${refill} - 1 ELSE ${refill} END,
           allowed = ${refill} >= 1,
           updated_at = GREATEST(rate_limit_buckets.updated_at, $3)
         RETURNING tokens, allowed`,
        [bucket, rule.capacity, now, rule.refillPerSecond],
      );
      const tokens = Number(row?.tokens ?? 0);
      const allowed = row?.allowed === true;
      return {
        allowed,
        tokens,
        remaining: Math.max(0, Math.floor(tokens)),
        retryAfterMs: allowed ? 0 : Math.ceil(((1 - tokens) * 1000) / rule.refillPerSecond),
      };
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  return Object.assign(createSqlRepository(driver), { pool });
}

async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Several processes may start at once: one migrates, the others wait here
    // and then find nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [migration.id, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
