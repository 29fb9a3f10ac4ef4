import type { MessageId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { type Backend, startTestGateway, type TestGateway } from './support/start-test-gateway';

const pgReason = await postgresUnavailable(postgresTestUrl());
// The gateway's clock, fixed so the DST dates below stay in range whenever the suite runs.
const NOW = Date.parse('2026-11-25T10:00:00Z');

function schedulingSuite(backend: Backend) {
  let t: TestGateway;
  let clock = NOW;
  beforeAll(async () => {
    t = await startTestGateway(backend, { gateway: { sandboxIntervalMs: 10, now: () => clock } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const idOf = (r: { results: unknown[] }) => (r.results[0] as { id: MessageId }).id;

  it('reads scheduledAt with an offset as an instant and a local time in its zone, a DST gap moving forward', async () => {
    const { client } = await t.newAccount();
    const instant = await client.messages.send({
      to: '+998901234567',
      body: 'A',
      scheduledAt: '2026-12-01T09:30:00+05:00',
    });
    expect(instant.results[0]).toMatchObject({ messageStatus: 'scheduled' });
    expect(Date.parse((await client.messages.get(idOf(instant))).scheduledAt ?? '')).toBe(
      Date.parse('2026-12-01T04:30:00Z'),
    );
    const gap = await client.messages.send({
      to: '+12025550199',
      body: 'B',
      scheduledAt: '2027-03-14T02:30',
      timezone: 'America/New_York',
    });
    // 02:30 does not exist in New York that night: 03:30 EDT.
    expect(Date.parse((await client.messages.get(idOf(gap))).scheduledAt ?? '')).toBe(
      Date.parse('2027-03-14T07:30:00Z'),
    );
  });

  it('refuses a local time without a zone, with the field at fault', async () => {
    const { key } = await t.newAccount();
    const res = await fetch(`${t.url}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: '+998901234567', body: 'x', scheduledAt: '2026-12-01T09:30' }),
    });
    const problem = await res.json();
    expect(res.status).toBe(422);
    expect(problem.errors[0].pointer).toBe('/scheduledAt');
  });

  it('cancels a queued and a scheduled message, refunding each, and refuses a second cancel', async () => {
    const { key, client } = await t.newAccount({ balance: 100_000 });
    const queued = await client.messages.send({ to: '+998901234567', body: 'Now' });
    const later = await client.messages.send({
      to: '+998901234567',
      body: 'Later',
      scheduledAt: '2026-11-26T10:00:00Z',
    });
    expect((await client.balance.get()).balance.amount).toBe(100_000 - 15_000);
    for (const id of [idOf(queued), idOf(later)]) {
      const res = await fetch(`${t.url}/messages/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
      });
      expect([res.status, (await res.json()).status]).toEqual([200, 'canceled']);
    }
    expect((await client.balance.get()).balance.amount).toBe(100_000);
    const again = await fetch(`${t.url}/messages/${idOf(queued)}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(again.status).toBe(409);
  });

  it('expires a queued message when its validity runs out before dispatch, with a refund', async () => {
    const { client } = await t.newAccount({ balance: 100_000 });
    const sent = await client.messages.send({ to: '+998901234567', body: 'Code 1234', validityPeriod: 60 });
    clock = NOW + 61_000;
    const deadline = Date.now() + 5_000;
    while ((await client.messages.get(idOf(sent))).status !== 'expired') {
      if (Date.now() > deadline) throw new Error('never expired');
      await new Promise((r) => setTimeout(r, 20));
    }
    clock = NOW;
    const ledger = (await client.balance.get()).ledger.map((l) => [l.reason, l.amount.amount]);
    expect(ledger).toEqual(
      expect.arrayContaining([
        ['message_refund', 7_500],
        ['message_charge', -7_500],
      ]),
    );
    expect((await client.balance.get()).balance.amount).toBe(100_000);
  });
}

describe('scheduling over HTTP on SQLite', () => {
  schedulingSuite('sqlite');
});

describeUnless(pgReason)('scheduling over HTTP on PostgreSQL', () => {
  schedulingSuite('postgres');
});
