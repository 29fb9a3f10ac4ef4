import type { SqlSession } from '../internal/sql-session';
import type {
  IdempotencyBeginInput,
  IdempotencyLock,
  IdempotencyRecord,
  IdempotencyResponse,
  IdempotencyScope,
} from '../repository';

type Held = Omit<IdempotencyBeginInput, 'staleBefore'>;

function scopeOf(s: IdempotencyScope): string {
  return `${s.accountId}\u0000${s.mode}\u0000${s.key}`;
}

/**
 * Idempotency keys in flight on SQLite, in memory (decision 0009, "SQLite").
 * One process owns a SQLite file, so the in-flight lock needs no durable row:
 * `begin` costs no write, and the key is written once, already completed,
 * in the same group-commit savepoint as the messages it accepted. A request
 * then waits for one commit instead of two. A crash loses only in-flight
 * locks, whose work had not committed either: the retry runs it once.
 *
 * Rows still decide for keys that finished (replay, 422) and, as before, an
 * expired row or an in-progress row older than the lock timeout (left by an
 * older version) counts as absent.
 */
export class IdempotencyLocks {
  readonly #held = new Map<string, Held>();

  /** `started`, or the record a concurrent or earlier request left. */
  async begin(
    input: IdempotencyBeginInput,
    readRow: () => Promise<IdempotencyRecord | undefined>,
  ): Promise<{ outcome: 'started' } | { outcome: 'existing'; record: IdempotencyRecord }> {
    const scope = scopeOf(input);
    const held = this.#held.get(scope);
    if (held !== undefined && held.createdAt >= input.staleBefore) {
      return { outcome: 'existing', record: inProgress(held) };
    }
    if (held === undefined) {
      const row = await readRow();
      const stale =
        row !== undefined &&
        (row.expiresAt <= input.createdAt || (row.state === 'in_progress' && row.createdAt < input.staleBefore));
      if (row !== undefined && !stale) return { outcome: 'existing', record: row };
      // A concurrent begin may have won while the row was read (PostgreSQL-style
      // drivers yield there; node:sqlite does not, but stay correct either way).
      const raced = this.#held.get(scope);
      if (raced !== undefined) return { outcome: 'existing', record: inProgress(raced) };
    }
    // New, or a holder presumed dead (older than the lock timeout): its token no longer matches.
    const { staleBefore: _, ...entry } = input;
    this.#held.set(scope, entry);
    return { outcome: 'started' };
  }

  /** The in-progress record of a held key, for `find`. */
  find(scope: IdempotencyScope): IdempotencyRecord | undefined {
    const held = this.#held.get(scopeOf(scope));
    return held && inProgress(held);
  }

  /**
   * Inside a write: stores the completed key if `lock` still holds it.
   * The lock itself is dropped by `settle` once the write committed.
   */
  async complete(s: SqlSession, lock: IdempotencyLock, response: IdempotencyResponse): Promise<boolean> {
    const held = this.#held.get(scopeOf(lock));
    if (held === undefined || held.lockToken !== lock.lockToken) return false;
    // An expired or stale row of this key may still be there: replace it.
    await s.run(
      `INSERT INTO idempotency_keys (account_id, key_mode, idempotency_key, fingerprint, state, lock_token,
         created_at, expires_at, response_status, response_headers, response_body)
       VALUES ($1, $2, $3, $4, 'completed', NULL, $5, $6, $7, $8, $9)
       ON CONFLICT (account_id, key_mode, idempotency_key) DO UPDATE SET
         fingerprint = excluded.fingerprint, state = 'completed', lock_token = NULL,
         created_at = excluded.created_at, expires_at = excluded.expires_at,
         response_status = excluded.response_status, response_headers = excluded.response_headers,
         response_body = excluded.response_body`,
      [
        lock.accountId,
        lock.mode,
        lock.key,
        held.fingerprint,
        held.createdAt,
        held.expiresAt,
        response.status,
        JSON.stringify(response.headers),
        response.body,
      ],
    );
    return true;
  }

  /** Drops the lock if `lock` still holds it (after its completion committed, or on release). */
  settle(lock: IdempotencyLock): void {
    const scope = scopeOf(lock);
    if (this.#held.get(scope)?.lockToken === lock.lockToken) this.#held.delete(scope);
  }
}

function inProgress(held: Held): IdempotencyRecord {
  return {
    accountId: held.accountId,
    mode: held.mode,
    key: held.key,
    fingerprint: held.fingerprint,
    state: 'in_progress',
    lockToken: held.lockToken,
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    createdAt: held.createdAt,
    expiresAt: held.expiresAt,
  };
}
