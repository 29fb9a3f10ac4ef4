import type { Dialect, IdempotencyLock, IdempotencyResponse, TokenBucketResult } from '../repository';

export type SqlValue = string | number | null;

/**
 * What the shared SQL repository needs from a database: statements written
 * with `$1` placeholders (the SQLite driver rewrites them to `?1`), and a
 * multi-row insert each dialect does its fastest way.
 */
export interface SqlSession {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
}

export interface SqlDriver {
  readonly dialect: Dialect;
  /** Reads outside a write transaction (committed data). */
  read<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `work` atomically; resolves only once its transaction is committed. */
  write<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  takeToken(
    bucket: string,
    rule: { capacity: number; refillPerSecond: number },
    now: number,
  ): Promise<TokenBucketResult>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Inside a write: marks an in-progress idempotency key completed if `lock`
   * still holds it. Default: the shared UPDATE fenced by the lock token; the
   * SQLite driver keeps in-flight locks in memory and inserts the row here.
   */
  completeIdempotency?(s: SqlSession, lock: IdempotencyLock, response: IdempotencyResponse): Promise<boolean>;
}
