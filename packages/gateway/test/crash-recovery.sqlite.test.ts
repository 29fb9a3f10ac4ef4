import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, expect, it } from 'vitest';
import { createApiKey } from '../src/cli/demo-account';
import { openSqliteRepository } from '../src/storage/sqlite/sqlite-repository';
import { type SimulatedCarrier, startSimulatedCarrier } from './support/delivery-harness';
import { seedAccount } from './support/seed-account';
import { clientFor } from './support/start-test-gateway';
import { startWebhookReceiver } from './support/webhook-receiver';

// The chaos test of the issue: a gateway process killed with SIGKILL during a bounded load and
// started again. Messages caught between the intent and the carrier's answer end `unknown`
// (never resent); every other accepted message is delivered; none is lost.
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const built = existsSync(CLI) ? undefined : 'dist/cli.js missing: run `pnpm --filter @karvon/gateway build`';
const children = new Set<ChildProcess>();
const dir = mkdtempSync(join(tmpdir(), 'karvon-crash-'));
let carrier: SimulatedCarrier | undefined;
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await carrier?.sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function startGateway(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', KARVON_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (d) => {
      out += d;
      const url = /listening on (http:\/\/[^\s]+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
  });
}

describeUnless(built)('crash recovery', () => {
  it('SIGKILL during a bounded load: restarted, nothing lost, nothing sent twice, the interrupted end unknown', async () => {
    carrier = await startSimulatedCarrier('crash', { profile: { windowSize: 100, tps: 400 } });
    const file = join(dir, 'karvon.db');
    const setup = openSqliteRepository({ file });
    const now = Date.now();
    const account = await seedAccount(setup, {
      name: 'crash',
      balance: 1_000_000_000,
      rateLimitPerSecond: 10_000,
      rateLimitBurst: 10_000,
    });
    const { key } = await createApiKey(setup, { accountId: account.id, mode: 'live' });
    // Webhooks go out while the process is killed: none may be lost (each webhook-id arrives).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const receiver = await startWebhookReceiver({ secret: () => secret });
    await setup.webhookEndpoints.create({
      id: createId('webhookEndpoint'),
      accountId: account.id,
      url: receiver.url,
      events: [],
      secret,
      createdAt: now,
    });
    await setup.close();
    const carriersFile = join(dir, 'carriers.json');
    writeFileSync(carriersFile, JSON.stringify({ carriers: [carrier.profile] }));
    const env = {
      KARVON_DATA_DIR: dir,
      KARVON_CARRIERS_FILE: carriersFile,
      KARVON_DISPATCH_LEASE_MS: '1500',
      KARVON_CARRIER_LEASE_TTL_MS: '1500',
      KARVON_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
    };

    // Bounded load: 4 senders, batches of 25, until the process dies or 600 are accepted.
    const first = await startGateway(env);
    const client = clientFor(first.url, key);
    const accepted: string[] = [];
    let sent = 0;
    const sender = async (worker: number) => {
      for (let batch = 0; accepted.length < 600; batch++) {
        const base = (worker * 1000 + batch) * 25;
        sent += 25;
        try {
          const response = await client.messages.send({
            messages: Array.from({ length: 25 }, (_, i) => ({
              to: `+99893${String(base + i).padStart(7, '0')}`,
              body: `Crash test ${base + i}`,
            })),
          });
          for (const r of response.results) if (r.status === 'accepted') accepted.push(r.id);
        } catch {
          return; // the process is gone
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(sender));
    // Kill once submits are flowing: some messages sent, some in the window, some still queued.
    while (carrier.sim.stats().submits.total < 120) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await load;
    expect(accepted.length).toBeGreaterThan(0);

    await startGateway(env);
    const repository = openSqliteRepository({ file });
    try {
      // Every message the dead process committed, acknowledged to the client or not.
      const all = new Map<string, string>();
      const deadline = Date.now() + 60_000;
      let pending = Number.POSITIVE_INFINITY;
      while (pending > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        all.clear();
        for (let cursor: string | null = null; ; ) {
          const page = await repository.messages.list(account.id, {}, { cursor, limit: 500 });
          for (const m of page.data) all.set(m.id, m.status);
          cursor = page.nextCursor;
          if (!cursor) break;
        }
        pending = [...all.values()].filter((s) => s === 'queued' || s === 'sent').length;
      }
      const count = (status: string) => [...all.values()].filter((s) => s === status).length;
      const seen = new Set<string>();
      let duplicates = 0;
      for (const s of carrier.sim.submissions()) {
        const k = `${s.destination}\0${s.content}`;
        if (seen.has(k)) duplicates++;
        seen.add(k);
      }
      const stuck = [...all].filter(([, status]) => status === 'queued' || status === 'sent').slice(0, 5);
      for (const [id] of stuck)
        console.info('[fault] still pending', JSON.stringify(await repository.messages.get(account.id, id)));
      const tally = {
        requested: sent,
        accepted: accepted.length,
        committed: all.size,
        delivered: count('delivered'),
        unknown: count('unknown'),
        failed: count('failed'),
        pending,
        lost: accepted.filter((id) => !all.has(id)).length,
        duplicates,
      };
      // Every event the database holds reaches the receiver (retries run at +5 s).
      const events = await repository.outbox.eventsAfter({ accountId: account.id, afterSeq: 0, limit: 100_000 });
      const wanted = new Set(events.map((e) => e.id));
      const arrived = () => new Set(receiver.received.map((e) => e.webhookId));
      // Deliveries the dead process had leased come back when their lease lapses (timeout + 5 s).
      const webhookDeadline = Date.now() + 60_000;
      while ([...wanted].some((id) => !arrived().has(id)) && Date.now() < webhookDeadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const webhooks = {
        events: wanted.size,
        delivered: [...wanted].filter((id) => arrived().has(id)).length,
        repeatedIds: receiver.received.length - arrived().size,
        badSignatures: receiver.rejected(),
      };
      await receiver.close();
      console.info(
        `[fault] gateway SIGKILL and restart: ${JSON.stringify(tally)} webhooks ${JSON.stringify(webhooks)}`,
      );
      expect(webhooks.delivered).toBe(webhooks.events);
      expect(webhooks.badSignatures).toBe(0);
      expect(tally.lost).toBe(0);
      expect(tally.pending).toBe(0);
      expect(tally.committed).toBeGreaterThanOrEqual(tally.accepted);
      expect(tally.delivered + tally.unknown).toBe(tally.committed);
      expect(tally.duplicates).toBeLessThanOrEqual(tally.unknown);
      expect(tally.duplicates).toBe(0);
    } finally {
      await repository.close();
    }
  }, 180_000);
});
