import type { ApiKeyId, EventId, MessageId, SenderId, TemplateId, WebhookEndpointId } from '@karvon/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../../test-utils/src/index';
import { ResponseValidationError } from '../../errors/response-validation-error';
import { contractResponseValidator } from '../../validation/contract-response-validator';
import { Karvon } from '../karvon';
import { type Operation, ROUTES, SDK_ROUTES } from '../routes';

let server: ScriptedServer;
let karvon: Karvon;
beforeEach(async () => {
  server = await startScriptedServer();
  karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url, maxRetries: 0 });
});
afterEach(async () => {
  await server.close();
});

interface Case {
  operation: Operation;
  call: (k: Karvon) => PromiseLike<unknown>;
  url: string;
  body?: unknown;
}

const PHONE = '+998901234567';

// One row per SDK method: what it must put on the wire.
const CASES: Case[] = [
  {
    operation: 'messages.send',
    call: (k) => k.messages.send({ to: PHONE, body: 'Hi' }),
    url: '/send',
    body: { to: PHONE, body: 'Hi' },
  },
  { operation: 'messages.get', call: (k) => k.messages.get('msg_1' as MessageId), url: '/status/msg_1' },
  {
    operation: 'messages.list',
    call: (k) =>
      k.messages.list({
        status: 'failed',
        to: PHONE,
        type: 'marketing',
        clientReference: 'order 7',
        createdAfter: '2026-11-01T00:00:00+05:00',
        createdBefore: '2026-11-02T00:00:00Z',
        limit: 50,
      }),
    url:
      '/messages?status=failed&to=%2B998901234567&type=marketing&clientReference=order+7' +
      '&createdAfter=2026-11-01T00%3A00%3A00%2B05%3A00&createdBefore=2026-11-02T00%3A00%3A00Z&limit=50',
  },
  { operation: 'messages.cancel', call: (k) => k.messages.cancel('msg_1' as MessageId), url: '/messages/msg_1/cancel' },
  {
    operation: 'templates.upsert',
    call: (k) => k.templates.upsert({ name: 'otp', body: 'Code {code}' }),
    url: '/template',
    body: { name: 'otp', body: 'Code {code}' },
  },
  {
    operation: 'templates.preview',
    call: (k) => k.templates.preview({ id: 'tpl_1' as TemplateId, variables: { code: 1234 }, to: PHONE }),
    url: '/template/preview',
    body: { id: 'tpl_1', variables: { code: 1234 }, to: PHONE },
  },
  { operation: 'templates.list', call: (k) => k.templates.list(), url: '/templates' },
  { operation: 'templates.get', call: (k) => k.templates.get('tpl_1' as TemplateId), url: '/templates/tpl_1' },
  { operation: 'templates.delete', call: (k) => k.templates.delete('tpl_1' as TemplateId), url: '/templates/tpl_1' },
  { operation: 'balance.get', call: (k) => k.balance.get(), url: '/balance' },
  { operation: 'apiKeys.list', call: (k) => k.apiKeys.list({ limit: 10 }), url: '/keys?limit=10' },
  {
    operation: 'apiKeys.create',
    call: (k) => k.apiKeys.create({ name: 'shop', mode: 'live', role: 'adapter', ipAllowlist: ['203.0.113.0/24'] }),
    url: '/keys',
    body: { name: 'shop', mode: 'live', role: 'adapter', ipAllowlist: ['203.0.113.0/24'] },
  },
  { operation: 'apiKeys.revoke', call: (k) => k.apiKeys.revoke('key_1' as ApiKeyId), url: '/keys/key_1' },
  { operation: 'senders.list', call: (k) => k.senders.list(), url: '/senders' },
  {
    operation: 'senders.create',
    call: (k) => k.senders.create({ sender: 'Karvon', kind: 'alphanumeric', country: 'UZ', operator: 'Ucell' }),
    url: '/senders',
    body: { sender: 'Karvon', kind: 'alphanumeric', country: 'UZ', operator: 'Ucell' },
  },
  { operation: 'senders.get', call: (k) => k.senders.get('snd_1' as SenderId), url: '/senders/snd_1' },
  { operation: 'senders.delete', call: (k) => k.senders.delete('snd_1' as SenderId), url: '/senders/snd_1' },
  {
    operation: 'optOuts.list',
    call: (k) => k.optOuts.list({ phoneNumber: PHONE }),
    url: '/opt-outs?phoneNumber=%2B998901234567',
  },
  {
    operation: 'optOuts.create',
    call: (k) => k.optOuts.create({ phoneNumber: PHONE, source: 'dashboard' }),
    url: '/opt-outs',
    body: { phoneNumber: PHONE, source: 'dashboard' },
  },
  { operation: 'optOuts.delete', call: (k) => k.optOuts.delete(PHONE), url: '/opt-outs/%2B998901234567' },
  { operation: 'consents.list', call: (k) => k.consents.list(), url: '/consents' },
  {
    operation: 'consents.create',
    call: (k) => k.consents.create({ phoneNumber: PHONE, source: 'checkout', proof: 'order 1' }),
    url: '/consents',
    body: { phoneNumber: PHONE, source: 'checkout', proof: 'order 1' },
  },
  { operation: 'consents.revoke', call: (k) => k.consents.revoke(PHONE), url: '/consents/%2B998901234567' },
  {
    operation: 'webhookEndpoints.create',
    call: (k) => k.webhookEndpoints.create({ url: 'https://example.com/hook', events: ['message.delivered'] }),
    url: '/webhooks',
    body: { url: 'https://example.com/hook', events: ['message.delivered'] },
  },
  { operation: 'webhookEndpoints.list', call: (k) => k.webhookEndpoints.list(), url: '/webhooks' },
  {
    operation: 'webhookEndpoints.get',
    call: (k) => k.webhookEndpoints.get('whe_1' as WebhookEndpointId),
    url: '/webhooks/whe_1',
  },
  {
    operation: 'webhookEndpoints.delete',
    call: (k) => k.webhookEndpoints.delete('whe_1' as WebhookEndpointId),
    url: '/webhooks/whe_1',
  },
  {
    operation: 'webhookEndpoints.listAttempts',
    call: (k) =>
      k.webhookEndpoints.listAttempts('whe_1' as WebhookEndpointId, { limit: 5, eventId: 'evt_1' as EventId }),
    url: '/webhooks/whe_1/attempts?limit=5&eventId=evt_1',
  },
  {
    operation: 'webhookEndpoints.replay',
    call: (k) => k.webhookEndpoints.replay('whe_1' as WebhookEndpointId, { since: '2026-11-01T00:00:00Z' }),
    url: '/webhooks/whe_1/replay',
    body: { since: '2026-11-01T00:00:00Z' },
  },
  {
    operation: 'webhookEndpoints.rotateSecret',
    call: (k) => k.webhookEndpoints.rotateSecret('whe_1' as WebhookEndpointId),
    url: '/webhooks/whe_1/rotate-secret',
    body: {},
  },
  {
    operation: 'privacy.export',
    call: (k) => k.privacy.export({ phoneNumber: PHONE }),
    url: '/privacy/export',
    body: { phoneNumber: PHONE },
  },
  {
    operation: 'privacy.erase',
    call: (k) => k.privacy.erase({ phoneNumber: PHONE }),
    url: '/privacy/erasure',
    body: { phoneNumber: PHONE },
  },
  { operation: 'health.get', call: (k) => k.health.get(), url: '/health' },
  { operation: 'health.ready', call: (k) => k.health.ready(), url: '/ready' },
];

describe('every resource method', () => {
  it('has a row here for every route the resources call (oauth.token and events.stream have their own tests)', () => {
    const covered = CASES.map((c) => c.operation).sort();
    const routes = SDK_ROUTES.map((r) => r.operation)
      .filter((o) => o !== 'oauth.token' && o !== 'events.stream')
      .sort();
    expect(covered).toEqual(routes);
  });

  it.each(CASES)('$operation sends its method, path, query and body', async ({ operation, call, url, body }) => {
    server.reply({ body: ROUTES[operation].schema.endsWith('PageSchema') ? { data: [], nextCursor: null } : {} });
    await call(karvon);
    const request = server.requests[0]!;
    expect(request.method).toBe(ROUTES[operation].method);
    expect(request.url).toBe(url);
    expect(request.json).toEqual(body);
    // Writes carry an idempotency key so a retried POST does not act twice; reads and deletes do not need one.
    expect(request.headers['idempotency-key'] !== undefined).toBe(request.method === 'POST');
    expect(request.headers['content-type'] !== undefined).toBe(body !== undefined);
  });
});

describe('messages.list()', () => {
  const message = (n: number) => ({ id: `msg_${n}`, status: 'failed', to: PHONE });

  it('iterates every message across two pages, keeping the filters', async () => {
    server.route('GET', '/messages', (request) =>
      request.query.get('cursor') === null
        ? { body: { data: [message(1), message(2)], nextCursor: 'page2' } }
        : { body: { data: [message(3)], nextCursor: null } },
    );
    const ids: string[] = [];
    for await (const item of karvon.messages.list({ status: 'failed', limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(['msg_1', 'msg_2', 'msg_3']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/messages?status=failed&limit=2',
      '/messages?status=failed&limit=2&cursor=page2',
    ]);
  });

  it('resolves to the first page and starts from a cursor the caller gives', async () => {
    server.reply({ body: { data: [message(3)], nextCursor: null } });
    const page = await karvon.messages.list({ cursor: 'page2' });
    expect(page.data.map((m) => m.id)).toEqual(['msg_3']);
    expect(page.hasNextPage()).toBe(false);
    expect(server.requests[0]?.url).toBe('/messages?cursor=page2');
  });

  it('checks each page against the contract when validateResponses is on', async () => {
    const strict = new Karvon({
      apiKey: 'kv_test_x',
      baseUrl: server.url,
      validateResponses: contractResponseValidator,
    });
    server.reply({ body: { data: [{ id: 'tpl_1' }], nextCursor: null } });
    await expect(strict.messages.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe('responses with validateResponses on', () => {
  const strict = () =>
    new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url, validateResponses: contractResponseValidator });

  it('accepts a created API key with its secret and rejects one without', async () => {
    const key = {
      id: 'key_1',
      name: 'shop',
      mode: 'live',
      scopes: ['messages:send'],
      ipAllowlist: [],
      redactedKey: 'kv_live_…WXYZ',
      createdAt: '2026-11-01T09:30:00Z',
      lastUsedAt: null,
    };
    server.reply({ body: { ...key, secret: 'kv_live_abc' } }, { body: key });
    await expect(strict().apiKeys.create({ name: 'shop', mode: 'live' })).resolves.toMatchObject({
      secret: 'kv_live_abc',
    });
    await expect(strict().apiKeys.create({ name: 'shop', mode: 'live' })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  it('accepts a deletion and a webhook endpoint with its whsec_ secret', async () => {
    server.reply(
      { body: { id: 'tpl_1', deleted: true } },
      { body: { id: 'whe_1', url: 'https://e.com', events: [], createdAt: 'x', secret: 'whsec_abc' } },
    );
    await expect(strict().templates.delete('tpl_1' as TemplateId)).resolves.toEqual({ id: 'tpl_1', deleted: true });
    await expect(strict().webhookEndpoints.create({ url: 'https://e.com' })).resolves.toMatchObject({
      secret: 'whsec_abc',
    });
  });
});

describe('health.ready()', () => {
  it('does not retry a gateway that is not ready', async () => {
    const retrying = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url, maxRetries: 2 });
    server.route('GET', '/ready', { status: 503, body: { status: 'not_ready', checks: { database: 'fail' } } });
    await expect(retrying.health.ready()).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});
