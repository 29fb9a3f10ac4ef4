import { describeUnless } from '@karvon/test-utils';
import { afterAll, expect, it } from 'vitest';
import { parseCarrierConfig } from '../src/carriers/profiles/load-carrier-profiles';
import { createApiKey } from '../src/cli/demo-account';
import { createGateway, type Gateway } from '../src/index';
import { openPostgresRepository } from '../src/storage/postgres/postgres-repository';
import { dropSchema, postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import type { Repository } from '../src/storage/repository';
import { type SimulatedCarrier, startSimulatedCarrier } from './support/delivery-harness';
import { sendLoad, settleAndTally } from './support/fault-tally';
import { seedAccount } from './support/seed-account';
import { clientFor } from './support/start-test-gateway';

// Two gateway processes (two gateways with their own pools, leases and dispatchers, as two
// processes have) share one PostgreSQL and one carrier account of 2 binds and 100 TPS.
const url = postgresTestUrl();
const reason = await postgresUnavailable(url);
const schema = `gw_${Math.random().toString(36).slice(2, 10)}`;
const opened: { gateway: Gateway; repository: Repository }[] = [];
let carrier: SimulatedCarrier | undefined;
afterAll(async () => {
  for (const { gateway, repository } of opened) {
    await gateway.close();
    await repository.close();
  }
  await carrier?.sim.close();
  if (!reason) await dropSchema(url, schema);
});

const TPS = 100;

describeUnless(reason)('two gateway processes sharing one carrier account', () => {
  it('hold the account’s binds between them through leases and keep to its TPS together', async () => {
    carrier = await startSimulatedCarrier('shared', { profile: { binds: 2, tps: TPS, windowSize: 20 } });
    const config = parseCarrierConfig({ carriers: [carrier.profile] });
    // Never more binds open at the carrier than the account allows, handover included.
    let maxBinds = 0;
    const sampler = setInterval(() => {
      maxBinds = Math.max(maxBinds, carrier?.sim.stats().binds.shared ?? 0);
    }, 5);
    for (let i = 0; i < 2; i++) {
      const repository = await openPostgresRepository({ connectionString: url, schema });
      const gateway = await createGateway({
        repository,
        port: 0,
        logLevel: 'silent',
        rateLimit: false,
        sandboxIntervalMs: 0,
        retentionIntervalMs: 0,
        delivery: { config, housekeepingMs: 50, leaseTtlMs: 3_000, dispatcher: { idlePollMs: 20 } },
      });
      opened.push({ gateway, repository });
    }
    const [a, b] = opened as [(typeof opened)[0], (typeof opened)[0]];
    const repository = a.repository;
    const account = await seedAccount(repository, { name: 'shared', balance: 1_000_000_000 });
    const { key } = await createApiKey(repository, { accountId: account.id, mode: 'live' });

    // One slot each: the account allows 2 binds, the first process took both while alone and
    // gives one back once it sees the second (each lease renewal is a heartbeat).
    let leases = await repository.carrierLeases.list();
    for (const until = Date.now() + 10_000; Date.now() < until; ) {
      leases = await repository.carrierLeases.list();
      const connected = opened.every((g) => g.gateway.delivery?.pool.isAvailable('shared'));
      if (new Set(leases.map((l) => l.owner)).size === 2 && connected) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(leases.filter((l) => l.carrier === 'shared')).toHaveLength(2);
    expect(new Set(leases.map((l) => l.owner)).size).toBe(2);

    const [first, second] = await Promise.all([
      sendLoad(clientFor(a.gateway.url, key), 200, { tag: 'a' }),
      sendLoad(clientFor(b.gateway.url, key), 200, { tag: 'b' }),
    ]);
    const ids = [...first, ...second];
    const tally = await settleAndTally({
      repository,
      accountId: account.id,
      ids,
      simulators: [carrier.sim],
      timeoutMs: 30_000,
    });
    clearInterval(sampler);
    console.info(`[fault] two processes, one carrier account: ${JSON.stringify(tally)}`);
    expect(tally).toMatchObject({ accepted: 400, delivered: 400, lost: 0, pending: 0, unknown: 0, duplicates: 0 });
    expect(maxBinds).toBeLessThanOrEqual(2);

    // Both processes sent, and together never more than the account's TPS (plus the tenth of a
    // second of burst each bucket allows) in any one second.
    const times = carrier.sim
      .submissions()
      .map((s) => s.receivedAt)
      .sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[j] as number) < (times[i] as number) - 999) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    console.info(`[fault] shared TPS: busiest second ${busiest} submits (cap ${TPS})`);
    expect(busiest).toBeLessThanOrEqual(TPS * 1.1);
    const counters = [a, b].map(
      (g) => g.gateway.delivery?.dispatcher.counters.snapshot().submits.shared?.accepted ?? 0,
    );
    expect(counters.every((n) => n > 0)).toBe(true);
  }, 60_000);
});
