/**
 * The first schema, in the SQL both SQLite and PostgreSQL accept: TEXT ids,
 * BIGINT milliseconds and minor units (INTEGER affinity in SQLite), JSON kept
 * as TEXT, booleans as 0/1. Each dialect's migration list starts from it and
 * adds what only it needs.
 */
export const SCHEMA_V1: readonly string[] = [
  `CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    balance BIGINT NOT NULL CHECK (balance >= 0),
    default_sender TEXT,
    rate_limit_per_second BIGINT,
    rate_limit_burst BIGINT,
    created_at BIGINT NOT NULL
  )`,
  `CREATE INDEX accounts_name ON accounts (name)`,
  `CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    to_number TEXT NOT NULL,
    from_sender TEXT NOT NULL,
    body TEXT,
    type TEXT NOT NULL,
    encoding TEXT NOT NULL,
    segments BIGINT NOT NULL,
    price BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    priority BIGINT NOT NULL DEFAULT 0,
    not_before BIGINT,
    scheduled_at TEXT,
    expires_at BIGINT,
    operator TEXT,
    operator_source TEXT,
    mode TEXT NOT NULL,
    country TEXT,
    template_id TEXT,
    template_version BIGINT,
    client_reference TEXT,
    metadata TEXT,
    callback_url TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  )`,
  `CREATE INDEX messages_account_created ON messages (account_id, created_at, id)`,
  // The dispatch queue of the carrier issue reads by (status, not_before, priority).
  `CREATE INDEX messages_dispatch ON messages (status, not_before, priority)`,
  `CREATE INDEX messages_account_to ON messages (account_id, to_number)`,
  `CREATE TABLE message_parts (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    carrier TEXT,
    carrier_message_id TEXT,
    status TEXT NOT NULL,
    error_code TEXT,
    submitted_at BIGINT,
    updated_at BIGINT NOT NULL,
    UNIQUE (message_id, seq)
  )`,
  `CREATE INDEX message_parts_carrier ON message_parts (carrier, carrier_message_id)`,
  `CREATE TABLE status_history (
    message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    status TEXT NOT NULL,
    at BIGINT NOT NULL,
    carrier TEXT,
    error_code TEXT,
    reason TEXT,
    PRIMARY KEY (message_id, seq)
  )`,
  `CREATE TABLE ledger_entries (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    message_id TEXT,
    parts BIGINT,
    balance_after BIGINT NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  `CREATE INDEX ledger_account_created ON ledger_entries (account_id, created_at, id)`,
  `CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    current_version BIGINT NOT NULL,
    type TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
  )`,
  // A name is unique among the live templates of an account.
  `CREATE UNIQUE INDEX templates_account_name ON templates (account_id, name) WHERE deleted_at IS NULL`,
  `CREATE TABLE template_versions (
    template_id TEXT NOT NULL REFERENCES templates (id),
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    variables TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (template_id, version)
  )`,
  `CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    mode TEXT NOT NULL,
    scopes TEXT NOT NULL,
    ip_allowlist TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    expires_at BIGINT
  )`,
  `CREATE INDEX api_keys_account ON api_keys (account_id)`,
  `CREATE TABLE senders (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    sender TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    operator TEXT,
    route TEXT,
    status TEXT NOT NULL,
    is_default BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  )`,
  `CREATE INDEX senders_account_sender ON senders (account_id, sender)`,
  `CREATE TABLE opt_outs (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    phone_number TEXT NOT NULL,
    keyword TEXT,
    scope TEXT NOT NULL DEFAULT 'all',
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, phone_number)
  )`,
  `CREATE TABLE consents (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    phone_number TEXT NOT NULL,
    source TEXT NOT NULL,
    proof TEXT,
    consented_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, phone_number)
  )`,
  // secret: the whsec_ signing key, kept in clear because signing needs it.
  `CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  `CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id)`,
  `CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    response_status BIGINT,
    response_headers TEXT,
    response_body TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
  )`,
  `CREATE INDEX idempotency_expires ON idempotency_keys (expires_at)`,
];

/** OAuth client-credentials access tokens: stored as hashes, tied to the key that obtained them. */
export const SCHEMA_V2_ACCESS_TOKENS: readonly string[] = [
  `CREATE TABLE access_tokens (
    hash TEXT PRIMARY KEY,
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  )`,
  `CREATE INDEX access_tokens_expires ON access_tokens (expires_at)`,
];
