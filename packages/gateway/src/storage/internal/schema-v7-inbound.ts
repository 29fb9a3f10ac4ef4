/**
 * Migration 0007: inbound messages (with the parts of concatenated ones waiting for the rest),
 * the consent ledger (every opt-out and opt-in with its source), opt-out links, and global
 * opt-outs (a STOP on a shared code that no account can be given).
 */
export const SCHEMA_V7_INBOUND: readonly string[] = [
  `CREATE TABLE inbound_messages (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    from_number TEXT NOT NULL,
    to_number TEXT NOT NULL,
    body TEXT NOT NULL,
    carrier TEXT,
    keyword TEXT,
    action TEXT,
    received_at BIGINT NOT NULL
  )`,
  `CREATE INDEX inbound_account_received ON inbound_messages (account_id, received_at, id)`,
  `CREATE TABLE inbound_parts (
    carrier TEXT NOT NULL,
    source TEXT NOT NULL,
    destination TEXT NOT NULL,
    reference BIGINT NOT NULL,
    total BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    text TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (carrier, source, destination, reference, seq)
  )`,
  `CREATE TABLE consent_ledger (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    phone_number TEXT NOT NULL,
    action TEXT NOT NULL,
    scope TEXT NOT NULL,
    source TEXT NOT NULL,
    keyword TEXT,
    changed BIGINT NOT NULL,
    at BIGINT NOT NULL
  )`,
  `CREATE INDEX consent_ledger_phone ON consent_ledger (phone_number, at)`,
  `CREATE TABLE opt_out_links (
    code TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    phone_number TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT
  )`,
  `CREATE UNIQUE INDEX opt_out_links_owner ON opt_out_links (account_id, phone_number)`,
  `CREATE TABLE global_opt_outs (
    phone_number TEXT PRIMARY KEY,
    keyword TEXT,
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  // Who last messaged a number (shared codes attribute replies by it).
  `CREATE INDEX messages_to_created ON messages (to_number, created_at)`,
];
