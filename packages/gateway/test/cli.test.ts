import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeUnless } from '@karvon/test-utils';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';

// The built CLI, as users run it: `pnpm --filter @karvon/gateway build` first.
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', KARVON_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `karvon-gateway start`, waits for the banner, stops it with SIGTERM. */
function startAndStop(env: Record<string, string>): Promise<Run & { banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', KARVON_LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let banner = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!banner && stdout.includes('Press Ctrl-C to stop.')) {
        banner = stdout;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr, banner });
    });
  });
}

const built = existsSync(CLI) ? undefined : 'dist/cli.js missing: run `pnpm --filter @karvon/gateway build`';

describeUnless(built)('karvon-gateway CLI on SQLite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'karvon-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops on a bad variable with one line naming it', async () => {
    const run = await cli(['start'], { PORT: 'abc', KARVON_DATA_DIR: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/PORT: must be an integer/);
  });

  it('migrates idempotently', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await cli(['migrate'], { KARVON_DATA_DIR: dir });
      expect([run.code, run.stdout.trim()]).toEqual([0, 'Database migrated (sqlite).']);
    }
  });

  it('starts with a banner first (no Fastify JSON line), keys shown, and exits 0 on SIGTERM', async () => {
    const run = await startAndStop({ KARVON_DATA_DIR: dir });
    expect(run.banner.split('\n')[0]).toMatch(/^Karvon gateway listening on http:\/\/127\.0\.0\.1:\d+ \(sqlite\)$/);
    expect(run.banner).not.toContain('Server listening');
    expect(run.banner).toMatch(/live key: kv_live_\w+/);
    expect(run.banner).toMatch(/test key: kv_test_\w+/);
    expect(run.code).toBe(0);
  });

  it('creates a key with explicit scopes, printing only the key on stdout', async () => {
    const run = await cli(['create-key', '--mode', 'test', '--scopes', 'messages:send,balance:read', '--name', 'ci'], {
      KARVON_DATA_DIR: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kv_test_\w+\n$/);
    expect(run.stderr).toContain('messages:send,balance:read');
    const bad = await cli(['create-key', '--scopes', 'messages:fly'], { KARVON_DATA_DIR: dir });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('unknown messages:fly')]);
  });

  it('runs retention once and reports what it did', async () => {
    const run = await cli(['retention', '--once'], { KARVON_DATA_DIR: dir, KARVON_BODY_RETENTION_DAYS: '1' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ bodiesRedacted: 0, messagesPurged: 0, idempotencyPurged: 0 });
    const bad = await cli(['retention', '--once'], { KARVON_DATA_DIR: dir, KARVON_RECORD_RETENTION_DAYS: '-3' });
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('KARVON_RECORD_RETENTION_DAYS')]);
  });
});

const pgUrl = postgresTestUrl();
const pgReason = built ?? (await postgresUnavailable(pgUrl));

describeUnless(pgReason)('karvon-gateway CLI on PostgreSQL', () => {
  const database = `gw_cli_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(pgUrl);
  url.pathname = `/${database}`;
  const admin = () => new pg.Client({ connectionString: pgUrl });
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  it('migrates idempotently, starts, and runs retention on DATABASE_URL', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await cli(['migrate'], { DATABASE_URL: url.href });
      expect([run.code, run.stdout.trim()]).toEqual([0, 'Database migrated (postgres).']);
    }
    const started = await startAndStop({ DATABASE_URL: url.href });
    expect(started.banner.split('\n')[0]).toMatch(/\(postgres\)$/);
    expect(started.code).toBe(0);
    const retention = await cli(['retention', '--once'], { DATABASE_URL: url.href });
    expect(retention.code).toBe(0);
    // No demo account on PostgreSQL: create-key names the problem.
    const key = await cli(['create-key'], { DATABASE_URL: url.href });
    expect([key.code, key.stderr]).toEqual([1, expect.stringContaining('no account "demo"')]);
  });
});
