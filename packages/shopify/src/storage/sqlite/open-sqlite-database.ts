import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { returnsRows, type SqlDatabase, type SqlResult, type SqlValue } from '../sql/sql-database';
import { sqliteLeaseLock } from './sqlite-lease-lock';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';

export interface SqliteDatabaseOptions {
  /** The database file (its directory is created), or `:memory:`. */
  file: string;
  now: () => number;
  busyTimeoutMs?: number;
  lockLeaseMs?: number;
}

export interface SqliteDatabase extends SqlDatabase {
  /** The handle, for tests that assert the PRAGMAs. */
  readonly handle: DatabaseSync;
}

// Prepared statements are cached by text; IN lists make the text vary, so the cache is bounded.
const STATEMENT_CACHE = 256;

/** Opens (creating if needed) the SQLite file, sets durability PRAGMAs and runs pending migrations. */
export function openSqliteDatabase(options: SqliteDatabaseOptions): SqliteDatabase {
  const inMemory = options.file === ':memory:';
  if (!inMemory) mkdirSync(dirname(options.file), { recursive: true });
  const db = new DatabaseSync(options.file);
  try {
    // WAL with synchronous=FULL fsyncs every commit: a webhook acknowledged to Shopify is on disk.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    // Other processes on the file wait this long for the write lock instead of failing at once.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5_000)}`);
    migrate(db, options.now);
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE) statements.clear();
      // The shared SQL uses PostgreSQL's $1; SQLite reads ?1 the same way, reuse included.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (params: readonly SqlValue[] | undefined) => (params ?? []) as SQLInputValue[];
  const execute = (sql: string, params: readonly SqlValue[] | undefined): SqlResult => {
    const statement = prepare(sql);
    if (returnsRows(sql)) {
      const rows = statement.all(...args(params)) as Record<string, unknown>[];
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: Number(statement.run(...args(params)).changes) };
  };
  const withLock = sqliteLeaseLock(db, {
    now: options.now,
    ...(options.lockLeaseMs !== undefined ? { leaseMs: options.lockLeaseMs } : {}),
  });
  let closed = false;

  // node:sqlite is synchronous: every method below finishes its statements before it returns.
  return {
    dialect: 'sqlite',
    handle: db,
    all: async <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).all(...args(params)) as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).get(...args(params)) as T | undefined,
    run: async (sql, params) => Number(prepare(sql).run(...args(params)).changes),
    transaction: async (list) => {
      // IMMEDIATE takes the write lock first, so readers in the list see what the writers change.
      db.exec('BEGIN IMMEDIATE');
      try {
        const results = list.map((s) => execute(s.sql, s.params));
        db.exec('COMMIT');
        return results;
      } catch (error) {
        rollback(db);
        throw error;
      }
    },
    withLock,
    close: async () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function migrate(db: DatabaseSync, now: () => number): void {
  db.exec('CREATE TABLE IF NOT EXISTS shopify_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  // Under the write lock, so two processes opening a new file at once migrate it once.
  db.exec('BEGIN IMMEDIATE');
  try {
    const applied = new Set(
      (db.prepare('SELECT id FROM shopify_migrations').all() as { id: string }[]).map((row) => row.id),
    );
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      for (const statement of migration.statements) db.exec(statement);
      db.prepare('INSERT INTO shopify_migrations (id, applied_at) VALUES (?, ?)').run(migration.id, now());
    }
    db.exec('COMMIT');
  } catch (error) {
    rollback(db);
    throw error;
  }
}

/** Some errors (SQLITE_FULL, an interrupted statement) already ended the transaction: keep the first error. */
function rollback(db: DatabaseSync): void {
  try {
    db.exec('ROLLBACK');
  } catch {}
}
