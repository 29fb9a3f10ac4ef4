export type SqlValue = string | number | null;

export interface SqlStatement {
  /** PostgreSQL placeholders (`$1`, reusable); the SQLite driver reads them as `?1`. */
  sql: string;
  params?: readonly SqlValue[];
}

export interface SqlResult {
  rows: Record<string, unknown>[];
  changes: number;
}

/**
 * What the shared store code needs from a database. Each method is one statement in its own
 * (auto-committed) transaction, except `transaction`, which runs a fixed list at once: SQLite runs
 * it synchronously between BEGIN IMMEDIATE and COMMIT, so nothing else in the process can interleave
 * and no connection on the same file is left waiting on an open transaction.
 */
export interface SqlDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Answers the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** All or nothing; answers each statement's rows (SELECT or RETURNING) and changes, in order. */
  transaction(statements: readonly SqlStatement[]): Promise<SqlResult[]>;
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True for statements that answer rows (a SELECT or anything with RETURNING). */
export function returnsRows(sql: string): boolean {
  return /^\s*(SELECT|WITH)\b/i.test(sql) || /\bRETURNING\b/i.test(sql);
}
