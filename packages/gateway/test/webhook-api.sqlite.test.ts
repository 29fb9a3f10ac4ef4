import type { Karvon, StreamedEvent, WebhookEndpointId } from '@karvon/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { httpCall } from './support/http-call';
import { clientFor, startTestGateway, type TestGateway } from './support/start-test-gateway';
import { startWebhookReceiver } from './support/webhook-receiver';

let t: TestGateway | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await t?.close();
  t = undefined;
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A gateway that delivers webhooks to loopback and moves test-key messages along (sandbox). */
async function start() {
  t = await startTestGateway('sqlite', {
    gateway: { allowPrivateWebhookUrls: true, webhooks: { pollMs: 20 }, sandboxIntervalMs: 100 },
  });
  const account = await t.newAccount();
  const test = clientFor(t.url, await account.keyWith({ mode: 'test' }));
  return { t, account, test };
}

const send = async (client: Karvon, ref: string) => {
  const sent = await client.messages.send({ to: '+998901234567', body: 'Salom', clientReference: ref });
  const result = sent.results[0];
  if (result?.status !== 'accepted') throw new Error('not accepted');
  return result.id;
};

/** Reads the stream until `enough` says stop, then aborts it. */
async function read(
  client: Karvon,
  params: { types?: string[]; lastEventId?: string },
  enough: (seen: StreamedEvent[]) => boolean,
) {
  const controller = new AbortController();
  const seen: StreamedEvent[] = [];
  const timer = setTimeout(() => controller.abort(), 15_000);
  for await (const event of client.events.stream({ ...params, signal: controller.signal })) {
    seen.push(event);
    if (enough(seen)) controller.abort();
  }
  clearTimeout(timer);
  return seen;
}

describe('webhook deliveries API', () => {
  it('lists attempts with health, replays one event with the same webhook-id, rotates the secret', async () => {
    const { t, account, test } = await start();
    let secret = '';
    const receiver = await startWebhookReceiver({ secret: () => secret });
    closers.push(receiver.close);
    const endpoint = await account.client.webhookEndpoints.create({ url: receiver.url, events: ['message.queued'] });
    secret = endpoint.secret;
    await send(test, 'a');
    await until(() => receiver.received.length === 1);

    const listed = await account.client.webhookEndpoints.listAttempts(endpoint.id);
    expect(listed.endpoint).toEqual({ id: endpoint.id, disabledAt: null, failingSince: null });
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]).toMatchObject({ attempt: 1, statusCode: 204, error: null });
    expect(Date.parse(listed.data[0]!.at)).not.toBeNaN();
    const eventId = listed.data[0]!.eventId;
    expect(receiver.received[0]?.webhookId).toBe(eventId);

    expect(await account.client.webhookEndpoints.replay(endpoint.id, { eventId })).toEqual({ queued: 1 });
    await until(() => receiver.received.length === 2);
    expect(receiver.received[1]?.webhookId).toBe(eventId);
    const again = await account.client.webhookEndpoints.listAttempts(endpoint.id, { eventId, limit: 1 });
    expect(again.data.map((a) => a.attempt)).toEqual([2]);

    const before = Date.now();
    const rotated = await account.client.webhookEndpoints.rotateSecret(endpoint.id, { graceHours: 2 });
    expect(rotated.id).toBe(endpoint.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt)).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
    secret = rotated.secret;
    await send(test, 'b');
    await until(() => receiver.received.length === 3);
    expect(receiver.rejected()).toBe(0);
    // Signed with the new secret and the previous one, during its grace period.
    expect(receiver.received[2]?.signatures).toBe(2);
    expect(t).toBeDefined();
  });

  it('answers 404 for another account’s endpoint and 422 for a replay without eventId or since', async () => {
    const { t, account } = await start();
    const other = await t.newAccount();
    const theirs = await other.client.webhookEndpoints.create({ url: 'http://127.0.0.1:9/hooks' });
    const id = theirs.id as WebhookEndpointId;
    const key = account.key;
    for (const [method, path, body] of [
      ['GET', `/webhooks/${id}/attempts`, undefined],
      ['POST', `/webhooks/${id}/replay`, { eventId: 'evt_01JD0000000000000000000000' }],
      ['POST', `/webhooks/${id}/rotate-secret`, {}],
    ] as const) {
      const res = await httpCall(t.url, method, path, { key, ...(body ? { body } : {}) });
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
    }
    const mine = await account.client.webhookEndpoints.create({ url: 'http://127.0.0.1:9/hooks' });
    const missing = await httpCall(t.url, 'POST', `/webhooks/${mine.id}/replay`, { key, body: {} });
    expect([missing.status, missing.body.errors?.[0]?.pointer]).toEqual([422, '/eventId']);
    const both = await httpCall(t.url, 'POST', `/webhooks/${mine.id}/replay`, {
      key,
      body: { eventId: 'evt_01JD0000000000000000000000', since: '2026-01-01T00:00:00Z' },
    });
    expect([both.status, both.body.errors?.[0]?.pointer]).toEqual([422, '/since']);
    const grace = await httpCall(t.url, 'POST', `/webhooks/${mine.id}/rotate-secret`, {
      key,
      body: { graceHours: 169 },
    });
    expect([grace.status, grace.body.errors?.[0]?.pointer]).toEqual([422, '/graceHours']);
  });
});

describe('GET /events', () => {
  it('streams queued, sent and delivered; resumes after the last id with only later events; filters by type', async () => {
    const { t, account, test } = await start();
    // Without a cursor the stream starts at the newest event: subscribe, then send.
    const pending = read(
      account.client,
      {},
      (seen) => seen.filter((e) => e.data.type === 'message.delivered').length >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await send(test, 'one');
    const firstRun = await pending;
    expect(firstRun.map((e) => e.type)).toEqual(['message.queued', 'message.sent', 'message.delivered']);
    for (const e of firstRun) {
      expect(e.data.id).toBe(e.id);
      expect(e.data.type).toBe(e.type);
      expect((e.data.data as { messageId?: string }).messageId).toBe(first);
    }
    const second = await send(test, 'two');
    const resumed = await read(account.client, { lastEventId: firstRun.at(-1)!.id }, (seen) =>
      seen.some((e) => e.type === 'message.delivered'),
    );
    expect(resumed.map((e) => [e.type, (e.data.data as { messageId?: string }).messageId])).toEqual([
      ['message.queued', second],
      ['message.sent', second],
      ['message.delivered', second],
    ]);
    const delivered = await read(
      account.client,
      { types: ['message.delivered'], lastEventId: firstRun[0]!.id },
      (seen) => seen.length >= 2,
    );
    expect(delivered.map((e) => e.type)).toEqual(['message.delivered', 'message.delivered']);

    // Plain HTTP: the SSE framing, a 422 for an unknown Last-Event-ID, a 400 without the Accept.
    const controller = new AbortController();
    const res = await fetch(`${t.url}/events?types=message.queued&after=${firstRun[0]!.id}`, {
      headers: { authorization: `Bearer ${account.key}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const chunk = await reader.read();
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toMatch(/^id: evt_\w+\nevent: message\.queued\ndata: \{.*\}\n\n/);
    const unknown = await httpCall(t.url, 'GET', '/events', {
      key: account.key,
      headers: { accept: 'text/event-stream', 'last-event-id': 'evt_01JD0000000000000000000000' },
    });
    expect([unknown.status, unknown.body.errors?.[0]?.pointer]).toEqual([422, '/headers/last-event-id']);
    const plain = await httpCall(t.url, 'GET', '/events', { key: account.key });
    expect([plain.status, plain.body.code]).toEqual([400, 'invalid_request']);
  });

  it('lets app.close() finish while a stream is open', async () => {
    const { t, account } = await start();
    const res = await fetch(`${t.url}/events`, {
      headers: { authorization: `Bearer ${account.key}`, accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    const body = res.text();
    await t.close();
    // The server ended the response rather than waiting for the client to hang up.
    await expect(body).resolves.toBe('');
  });
});
