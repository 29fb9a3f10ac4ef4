import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '../src/cli/demo-account';
import { openPostgresRepository } from '../src/storage/postgres/postgres-repository';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import type { Repository } from '../src/storage/repository';

// Two real `karvon-gateway start` processes on one fresh PostgreSQL database:
// they share nothing but the database, as in a scaled-out deployment.
const dist = join(import.meta.dirname, '..', 'dist');
const cli = join(dist, 'cli.js');
const baseUrl = postgresTestUrl();

function distProblem(): string | undefined {
  if (!existsSync(cli)) return `${cli} is missing: run \`pnpm --filter @karvon/gateway build\` first`;
  // The processes must run this tree's code: the built chunks must know the latest migration.
  const built = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(dist, f), 'utf8').includes('0003_idempotency_scope_and_lock'));
  return built ? undefined : 'dist predates migration 0003: run `pnpm --filter @karvon/gateway build` first';
}

const reason = (await postgresUnavailable(baseUrl)) ?? distProblem();

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function startProcess(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      KARVON_LOG_LEVEL: 'silent',
      KARVON_RATE_LIMIT_PER_SECOND: '1000',
      KARVON_RATE_LIMIT_BURST: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${out}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

describeUnless(reason)('two gateway processes on one PostgreSQL', () => {
  const database = `karvon_mp_${Math.random().toString(36).slice(2, 10)}`;
  const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  let repository: Repository | undefined;
  // A crashed run must not leave gateways behind.
  const killAll = () => {
    for (const child of children) child.kill('SIGKILL');
  };

  beforeAll(async () => {
    process.once('exit', killAll);
    await admin((c) => c.query(`CREATE DATABASE "${database}"`));
    // Both start at once: migrations serialise on the advisory lock.
    const started = await Promise.allSettled([startProcess(databaseUrl), startProcess(databaseUrl)]);
    for (const s of started) if (s.status === 'fulfilled') children.push(s.value.child);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    for (const s of started) if (s.status === 'fulfilled') urls.push(s.value.url);
    repository = await openPostgresRepository({ connectionString: databaseUrl, max: 2 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(children.map(stopProcess));
    process.removeListener('exit', killAll);
    await repository?.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }, 30_000);

  async function newAccount(balance: number) {
    const repo = repository as Repository;
    const account = await repo.accounts.create({
      id: createId('account'),
      name: `mp-${Math.random().toString(36).slice(2)}`,
      currency: 'UZS',
      balance,
      defaultSender: 'Karvon',
      createdAt: Date.now(),
    });
    await repo.senders.create({
      id: createId('sender'),
      accountId: account.id,
      sender: 'Karvon',
      kind: 'alphanumeric',
      country: 'UZ',
      operator: null,
      route: null,
      status: 'approved',
      isDefault: true,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    const { key } = await createApiKey(repo, { accountId: account.id, mode: 'live' });
    return { accountId: account.id, key };
  }

  it('makes exactly one message of 50 concurrent identical requests spread over both', async () => {
    const repo = repository as Repository;
    const { accountId, key } = await newAccount(1_000_000);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${urls[i % 2]}/send`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'idempotency-key': 'two-processes',
          },
          body: JSON.stringify({ to: '+998901234567', body: 'Exactly once' }),
        }),
      ),
    );
    const results = await Promise.all(responses.map(async (r) => ({ r, body: await r.json() })));
    const ok = results.filter(({ r }) => r.status === 200);
    const inUse = results.filter(({ r }) => r.status === 409);
    expect(ok.length + inUse.length).toBe(50);
    expect(inUse.every(({ body }) => body.code === 'idempotency_key_in_use')).toBe(true);
    expect(ok.filter(({ r }) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(new Set(ok.map(({ body }) => body.results[0].id)).size).toBe(1);

    const messages = await repo.messages.list(accountId, {}, { limit: 100 });
    expect(messages.data).toHaveLength(1);
    const price = messages.data[0]?.price as number;
    expect((await repo.accounts.get(accountId))?.balance).toBe(1_000_000 - price);
    expect((await repo.ledger.list(accountId, { limit: 100 })).data).toHaveLength(1);
  });

  it('shares the rate-limit bucket of a key between both', async () => {
    const repo = repository as Repository;
    const { accountId, key } = await newAccount(0);
    await repo.accounts.setRateLimit(accountId, { perSecond: 1, burst: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${urls[i % 2]}/balance`, { headers: { authorization: `Bearer ${key}` } });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
