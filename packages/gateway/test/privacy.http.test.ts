import { Writable } from 'node:stream';
import type { MessageId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { type Backend, clientFor, startTestGateway, type TestGateway } from './support/start-test-gateway';

const pgReason = await postgresUnavailable(postgresTestUrl());
const DAY = 86_400_000;

function privacySuite(backend: Backend) {
  let t: TestGateway;
  let offset = 0;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await startTestGateway(backend, {
      gateway: {
        now: () => Date.now() + offset,
        retentionIntervalMs: 20,
        sandboxIntervalMs: 10,
        retention: { bodyDays: 30, recordDays: 365 },
        logLevel: 'trace',
        logDestination: new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });
  const post = async (key: string, path: string, body: unknown) => {
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('exports a number with bodies, erases it, and then shows no number on its messages', async () => {
    const { key, client } = await t.newAccount();
    const to = '+998931230001';
    const sent = await client.messages.send({ to, body: 'Private note' });
    await post(key, '/consents', { phoneNumber: to, source: 'web_form' });
    await post(key, '/opt-outs', { phoneNumber: to });
    const exported = await post(key, '/privacy/export', { phoneNumber: to });
    expect(exported.status).toBe(200);
    expect(exported.body.messages).toHaveLength(1);
    expect(exported.body.messages[0]).toMatchObject({ to, body: 'Private note' });
    expect([exported.body.optOuts.length, exported.body.consents.length]).toEqual([1, 1]);
    // The API opt-out went through the consent ledger; the export shows it with its source.
    expect(exported.body.consentHistory).toMatchObject([{ action: 'opt_out', source: 'api', scope: 'account' }]);
    expect(exported.body.inboundMessages).toEqual([]);

    const erased = await post(key, '/privacy/erasure', { phoneNumber: to });
    expect(erased.body).toMatchObject({ phoneNumber: to, erasedMessages: 1, deletedConsents: 1, keptOptOuts: 1 });
    const after = await post(key, '/privacy/export', { phoneNumber: to });
    expect([after.body.messages, after.body.consents]).toEqual([[], []]);
    expect(after.body.optOuts).toHaveLength(1);
    const view = await client.messages.get((sent.results[0] as { id: MessageId }).id);
    expect(view.to).toBe('erased');
    expect(JSON.stringify(view)).not.toContain('931230001');
    // The money trail stays.
    expect((await client.balance.get()).ledger.map((l) => l.amount.amount)).toEqual([-7_500]);
  });

  it('redacts bodies after the body retention and purges records after the record retention', async () => {
    const { key, client } = await t.newAccount();
    const to = '+998931230002';
    const sent = await client.messages.send({ to, body: 'Old news' });
    const id = (sent.results[0] as { id: MessageId }).id;
    const waitFor = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 5_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error('retention never ran');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    offset = 31 * DAY;
    await waitFor(
      async () => (await post(key, '/privacy/export', { phoneNumber: to })).body.messages[0]?.body === null,
    );
    expect((await client.messages.get(id)).id).toBe(id); // the record stays, without its body
    offset = 366 * DAY;
    await waitFor(async () => (await post(key, '/privacy/export', { phoneNumber: to })).body.messages.length === 0);
    offset = 0;
    await expect(client.messages.get(id)).rejects.toMatchObject({ status: 404 });
    expect((await client.balance.get()).ledger.map((l) => l.reason)).toContain('message_charge');
  });

  it('never logs a full phone number or a message body', async () => {
    const account = await t.newAccount();
    const { key } = account;
    const client = clientFor(t.url, await account.keyWith({ mode: 'test' }));
    logLines.length = 0;
    const sent = await client.messages.send({ to: '+998931239876', body: 'Top secret body' });
    const id = (sent.results[0] as { id: MessageId }).id;
    const deadline = Date.now() + 5_000;
    while ((await client.messages.get(id)).status !== 'delivered') {
      if (Date.now() > deadline) throw new Error('never delivered');
      await new Promise((r) => setTimeout(r, 20));
    }
    await fetch(`${t.url}/opt-outs/%2B998931239876`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
    await post(key, '/send', { to: '+998931239876', body: 'Top secret body', colour: 'red' });
    const log = logLines.join('');
    expect(logLines.length).toBeGreaterThan(0);
    expect(log).not.toMatch(/998931239876/);
    expect(log).not.toContain('Top secret body');
    expect(log).toContain('99893*****76');
  });
}

describe('privacy and retention on SQLite', () => {
  privacySuite('sqlite');
});

describeUnless(pgReason)('privacy and retention on PostgreSQL', () => {
  privacySuite('postgres');
});
