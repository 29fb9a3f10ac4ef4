import type { Message, MessageId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { type Backend, clientFor, startTestGateway, type TestGateway } from './support/start-test-gateway';

const PRICE = 7_500;
const pgReason = await postgresUnavailable(postgresTestUrl());

function sandboxSuite(backend: Backend) {
  let t: TestGateway;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestGateway(backend, { gateway: { sandboxIntervalMs: 10, now: () => Date.now() + offset } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const settled = (m: Message) =>
    ['delivered', 'failed', 'bounced', 'expired', 'canceled', 'unknown'].includes(m.status);

  it('moves each magic number to its outcome through the state machine, refunding only the queue expiry', async () => {
    const account = await t.newAccount({ balance: 1_000_000 });
    const client = clientFor(t.url, await account.keyWith({ mode: 'test' }));
    const numbers = {
      delivered: '+998900000001',
      failed: '+998900000002',
      bounced: '+12025550103',
      expired: '+998900000004',
      delayed: '+998900000005',
      unknown: '+998900000006',
      other: '+998901234567',
    };
    const sent = await client.messages.send({
      body: 'Sandbox',
      messages: Object.values(numbers).map((to) => ({ to })),
    });
    expect(sent.accepted).toBe(7);
    const ids = Object.fromEntries(
      Object.keys(numbers).map((name, i) => [name, (sent.results[i] as { id: MessageId }).id]),
    ) as Record<keyof typeof numbers, MessageId>;

    // The delayed receipt (30 s) and the queue expiry (5 s) wait on the
    // gateway's clock: move it forward once the immediate outcomes are in.
    const deadline = Date.now() + 10_000;
    let views: Record<string, Message> = {};
    for (;;) {
      views = Object.fromEntries(
        await Promise.all(Object.entries(ids).map(async ([name, id]) => [name, await client.messages.get(id)])),
      );
      if (Object.values(views).every(settled) && views.delayed?.status === 'delivered') break;
      if (views.delivered && settled(views.delivered)) offset = 60_000;
      if (Date.now() > deadline)
        throw new Error(`not settled: ${JSON.stringify(Object.values(views).map((v) => v.status))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const trail = (name: string) => views[name]?.history.map((h) => h.status);
    expect(trail('delivered')).toEqual(['queued', 'sent', 'delivered']);
    expect(trail('other')).toEqual(['queued', 'sent', 'delivered']);
    expect(trail('delayed')).toEqual(['queued', 'sent', 'delivered']);
    expect(trail('failed')).toEqual(['queued', 'sent', 'failed']);
    expect(trail('bounced')).toEqual(['queued', 'sent', 'bounced']);
    expect(trail('unknown')).toEqual(['queued', 'sent', 'unknown']);
    expect(trail('expired')).toEqual(['queued', 'expired']);
    expect(views.failed?.history[2]).toMatchObject({ carrier: 'sandbox', errorCode: 'carrier_rejected' });
    expect(views.bounced?.history[2]).toMatchObject({ carrier: 'sandbox', errorCode: 'unknown_subscriber' });
    expect(views.expired?.history[1]).toMatchObject({ carrier: 'sandbox', errorCode: 'validity_expired' });
    const delayed = views.delayed?.history ?? [];
    expect(Date.parse(delayed[2]?.at ?? '') - Date.parse(delayed[1]?.at ?? '')).toBeGreaterThanOrEqual(30_000);
    for (const view of Object.values(views)) {
      for (const h of view.history.slice(1)) expect(h.carrier).toBe('sandbox');
    }

    // Carriers bill submitted parts: only the message no carrier took is refunded.
    const balance = await client.balance.get();
    const charged = sent.results.reduce((sum, r) => sum + (r.status === 'accepted' ? r.price.amount : 0), 0);
    expect(balance.balance.amount).toBe(1_000_000 - charged + PRICE);
    expect(balance.ledger.filter((l) => l.reason === 'message_refund')).toHaveLength(1);
    offset = 0;
  });

  it('never moves a live-key message (no carrier exists yet) and holds scheduled test messages until due', async () => {
    const account = await t.newAccount();
    const test = clientFor(t.url, await account.keyWith({ mode: 'test' }));
    const live = await account.client.messages.send({ to: '+998900000001', body: 'Live' });
    const later = await test.messages.send({
      to: '+998900000001',
      body: 'Later',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 150));
    const liveId = (live.results[0] as { id: MessageId }).id;
    const laterId = (later.results[0] as { id: MessageId }).id;
    expect((await account.client.messages.get(liveId)).status).toBe('queued');
    expect((await test.messages.get(laterId)).status).toBe('scheduled');
    offset = 3_700_000;
    const deadline = Date.now() + 5_000;
    while ((await test.messages.get(laterId)).status !== 'delivered') {
      if (Date.now() > deadline) throw new Error('scheduled test message never delivered');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await test.messages.get(laterId)).history.map((h) => h.status)).toEqual([
      'scheduled',
      'queued',
      'sent',
      'delivered',
    ]);
    expect((await account.client.messages.get(liveId)).status).toBe('queued');
    offset = 0;
  });
}

describe('sandbox outcomes on SQLite', () => {
  sandboxSuite('sqlite');
});

describeUnless(pgReason)('sandbox outcomes on PostgreSQL', () => {
  sandboxSuite('postgres');
});
