// A fresh, throw-away database for one benchmarked gateway: a temp directory
// (SQLite) or a new PostgreSQL database, an account that cannot run out of
// money or tokens, and a live key made by the real CLI (`create-key`).
// Everything made here is removed by `drop()`, also when the benchmark fails.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { createId } from '@karvon/contract';
import pg from 'pg';
import { openRepository } from '../../dist/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const PACKAGE_DIRECTORY = fileURLToPath(new URL('../..', import.meta.url));

/** The sender the benchmark bodies use (send-request.mjs), approved for every Uzbek operator. */
export const BENCH_SENDER = 'KarvonShop';
// 10^13 tiyin: about 10^9 one-segment messages at the demo price; no run gets near it.
const BALANCE = 10_000_000_000_000;
// The account's own token bucket, so the rate-limit hook runs (a real
// bucket take per request) but never answers 429.
const RATE_LIMIT = 10_000_000;

const live = new Set();
let hooked = false;
function dropAllOnExit() {
  if (hooked) return;
  hooked = true;
  // Last resort when the process exits early (SIGINT, an uncaught error):
  // 'exit' handlers must be synchronous, so a PostgreSQL database is dropped
  // by a short child process. Normally drop() has already run.
  process.on('exit', () => {
    for (const database of live) {
      if (database.directory) rmSync(database.directory, { recursive: true, force: true });
      else dropPostgresSync(database);
    }
  });
}

function redact(url) {
  return url.replace(/\/\/[^@]*@/, '//***@');
}

/** undefined when PostgreSQL answers at `url`, else why not. */
export async function postgresUnavailable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL not reachable at ${redact(url)}: ${error.message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

function dropPostgresSync(database) {
  const script = `import pg from 'pg';
const client = new pg.Client({ connectionString: process.env.ADMIN_URL });
await client.connect();
await client.query('DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)');
await client.end();`;
  spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PACKAGE_DIRECTORY,
    env: { ...process.env, ADMIN_URL: database.adminUrl },
    stdio: 'inherit',
    timeout: 10_000,
  });
}

async function onAdmin(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database, migrates it (by opening the repository as the
 * gateway does), seeds the account and sender, and makes a live key with the
 * CLI. Returns the environment the gateway child needs and the key.
 *
 * @param {{ dialect: 'sqlite' } | { dialect: 'postgres', adminUrl: string }} options
 */
export async function createGatewayDatabase(options) {
  dropAllOnExit();
  const database = { dialect: options.dialect, env: {} };
  live.add(database);
  if (options.dialect === 'sqlite') {
    database.directory = mkdtempSync(join(tmpdir(), 'karvon-send-bench-'));
    database.env.KARVON_DATA_DIR = database.directory;
  } else {
    const name = `karvon_bench_${randomBytes(4).toString('hex')}`;
    await onAdmin(options.adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(options.adminUrl);
    url.pathname = `/${name}`;
    database.name = name;
    database.adminUrl = options.adminUrl;
    database.env.DATABASE_URL = url.toString();
  }

  const repository = await openRepository({
    databaseUrl: database.env.DATABASE_URL,
    dataDir: database.env.KARVON_DATA_DIR,
  });
  const now = Date.now();
  try {
    const account = await repository.accounts.create({
      id: createId('account', { now }),
      name: 'bench',
      currency: 'UZS',
      balance: BALANCE,
      defaultSender: BENCH_SENDER,
      rateLimitPerSecond: RATE_LIMIT,
      rateLimitBurst: RATE_LIMIT,
      createdAt: now,
    });
    await repository.senders.create({
      id: createId('sender', { now }),
      accountId: account.id,
      sender: BENCH_SENDER,
      kind: 'alphanumeric',
      country: 'UZ',
      operator: null,
      route: null,
      status: 'approved',
      isDefault: true,
      createdAt: now,
      updatedAt: now,
    });
    database.accountId = account.id;
  } finally {
    await repository.close();
  }

  // The key comes from the real CLI: only its hash is stored, as in production.
  const made = spawnSync(
    process.execPath,
    [CLI, 'create-key', '--account', database.accountId, '--mode', 'live', '--role', 'developer', '--name', 'bench'],
    { env: { ...process.env, ...database.env, KARVON_LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 30_000 },
  );
  const key = made.stdout.trim();
  if (made.status !== 0 || !key.startsWith('kv_live_')) {
    throw new Error(`create-key failed (${made.status}): ${made.stderr.trim()}`);
  }
  database.key = key;

  /** Messages committed so far (call after the gateway stopped). */
  database.countMessages = async () => {
    if (database.dialect === 'sqlite') {
      const sqlite = new DatabaseSync(join(database.directory, 'karvon.db'), { readOnly: true });
      try {
        return Number(sqlite.prepare('SELECT count(*) AS n FROM messages').get().n);
      } finally {
        sqlite.close();
      }
    }
    const result = await onAdmin(database.env.DATABASE_URL, 'SELECT count(*) AS n FROM messages');
    return Number(result.rows[0].n);
  };

  /** Removes the directory or database; safe to call twice. */
  database.drop = async () => {
    if (!live.has(database)) return;
    live.delete(database);
    if (database.dialect === 'sqlite') rmSync(database.directory, { recursive: true, force: true });
    else await onAdmin(database.adminUrl, `DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
  };
  return database;
}

/** Drops every database still alive (SIGINT, errors). */
export async function dropAllGatewayDatabases() {
  await Promise.allSettled([...live].map((database) => database.drop()));
}
