import type { MessageId } from '@karvon/contract';
import { APIError } from '@karvon/sdk';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { type Backend, startTestGateway, type TestGateway } from './support/start-test-gateway';

const pgReason = await postgresUnavailable(postgresTestUrl());

async function rejection(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function complianceSuite(backend: Backend) {
  let t: TestGateway;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestGateway(backend, {
      gateway: {
        sandboxIntervalMs: 10,
        now: () => Date.now() + offset,
        // Uzbekistan only: every other destination has no price.
        priceTable: { currency: 'UZS', rules: [{ country: 'UZ', perSegment: 7_500 }] },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (key: string, path: string, body: unknown) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('an `account` opt-out (the default) stops marketing but not transactional; `all` stops both', async () => {
    const { key, client } = await t.newAccount();
    const to = '+998901110001';
    expect((await post(key, '/consents', { phoneNumber: to, source: 'web_form' })).status).toBe(201);
    const optOut = await post(key, '/opt-outs', { phoneNumber: to });
    expect((await optOut.json()).scope).toBe('account');
    const marketing = await rejection(client.messages.send({ to, body: 'Sale', type: 'marketing' }));
    expect([marketing.status, marketing.code, marketing.errors[0]?.pointer]).toEqual([422, 'opted_out', '/to']);
    expect((await client.messages.send({ to, body: 'Your code is 1234' })).accepted).toBe(1);
    await post(key, '/opt-outs', { phoneNumber: to, scope: 'all' });
    expect((await rejection(client.messages.send({ to, body: 'Your code is 1234' }))).code).toBe('opted_out');
  });

  it('rejects a batch item per item: consent_required for marketing without consent', async () => {
    const { key, client } = await t.newAccount();
    await post(key, '/consents', { phoneNumber: '+998901110002', source: 'checkout' });
    const response = await client.messages.send({
      type: 'marketing',
      body: 'Sale',
      timezone: 'Asia/Tashkent',
      messages: [{ to: '+998901110002' }, { to: '+998901110003' }],
    });
    expect(response.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    const refused = response.results[1];
    expect(refused?.status === 'rejected' && refused.error).toMatchObject({
      code: 'consent_required',
      pointer: '/messages/1/to',
    });
  });

  it('rejects a destination without a price with destination_not_supported', async () => {
    const { client } = await t.newAccount();
    const single = await rejection(client.messages.send({ to: '+12025550198', body: 'Hi' }));
    expect([single.status, single.code, single.errors[0]?.pointer]).toEqual([422, 'destination_not_supported', '/to']);
    const batch = await client.messages.send({
      body: 'Hi',
      messages: [{ to: '+998901234567' }, { to: '+12025550198' }],
    });
    expect(batch.results.map((r) => (r.status === 'rejected' ? r.error.code : r.status))).toEqual([
      'accepted',
      'destination_not_supported',
    ]);
  });

  it('holds marketing past quiet hours and expires it, refunded, when that outlives its validity', async () => {
    const { key, client } = await t.newAccount({ balance: 100_000 });
    const to = '+998901110004';
    await post(key, '/consents', { phoneNumber: to, source: 'web_form' });
    const day = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tashkent' });
    const sent = await client.messages.send({
      to,
      body: 'Night sale',
      type: 'marketing',
      scheduledAt: `${day}T23:00`,
      timezone: 'Asia/Tashkent',
      validityPeriod: 3_600,
    });
    const id = (sent.results[0] as { id: MessageId }).id;
    const held = await client.messages.get(id);
    expect(held.status).toBe('scheduled');
    expect(Date.parse(held.scheduledAt ?? '')).toBe(Date.parse(`${day}T09:00:00+05:00`) + 86_400_000);
    expect((await client.balance.get()).balance.amount).toBe(100_000 - 7_500);
    // One hour after 23:00 the validity is over, long before 09:00.
    offset = Date.parse(`${day}T23:00:00+05:00`) + 3_600_000 + 1_000 - Date.now();
    const deadline = Date.now() + 5_000;
    while ((await client.messages.get(id)).status !== 'expired') {
      if (Date.now() > deadline) throw new Error('never expired');
      await new Promise((r) => setTimeout(r, 20));
    }
    offset = 0;
    const expired = await client.messages.get(id);
    expect(expired.history.map((h) => [h.status, h.errorCode ?? null])).toEqual([
      ['scheduled', null],
      ['queued', null],
      ['expired', 'validity_expired'],
    ]);
    expect((await client.balance.get()).balance.amount).toBe(100_000);
  });
}

describe('compliance at acceptance on SQLite', () => {
  complianceSuite('sqlite');
});

describeUnless(pgReason)('compliance at acceptance on PostgreSQL', () => {
  complianceSuite('postgres');
});
