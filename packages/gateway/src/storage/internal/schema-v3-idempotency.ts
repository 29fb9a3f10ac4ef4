/**
 * Migration 0003: idempotency keys scoped to the account AND the key mode
 * (a test key and a live key of one account never share a key), with a lock
 * token that fences the request holding a key: only the holder may complete
 * or release it, so a request that outlived its lock and was taken over can
 * no longer write its result (decision 0009).
 *
 * The table is rebuilt rather than altered because its primary key changes and
 * SQLite cannot alter a primary key; rows of v1 are kept as `live` keys.
 */
export const SCHEMA_V3_IDEMPOTENCY: readonly string[] = [
  `CREATE TABLE idempotency_keys_v3 (
    account_id TEXT NOT NULL,
    key_mode TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    lock_token TEXT,
    response_status BIGINT,
    response_headers TEXT,
    response_body TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, key_mode, idempotency_key)
  )`,
  `INSERT INTO idempotency_keys_v3 (account_id, key_mode, idempotency_key, fingerprint, state, lock_token,
     response_status, response_headers, response_body, created_at, expires_at)
   SELECT account_id, 'live', idempotency_key, fingerprint, state, NULL,
     response_status, response_headers, response_body, created_at, expires_at
   FROM idempotency_keys`,
  `DROP TABLE idempotency_keys`,
  `ALTER TABLE idempotency_keys_v3 RENAME TO idempotency_keys`,
  `CREATE INDEX idempotency_expires ON idempotency_keys (expires_at)`,
];
