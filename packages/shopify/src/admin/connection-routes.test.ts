import { Karvon, type WebhookEndpointId } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_WEBHOOK_EVENTS } from './gateway-webhook-events';
import { type AdminApiHarness, newShop, startAdminApiHarness, TEST_APP_URL } from './test-support/admin-api-harness';

let h: AdminApiHarness;
beforeAll(async () => {
  h = await startAdminApiHarness();
});
afterAll(async () => {
  await h?.close();
});

const clientFor = (apiKey: string) => new Karvon({ apiKey, baseUrl: h.gateway.url, maxRetries: 0 });

async function endpointsOf(apiKey: string) {
  return (await clientFor(apiKey).webhookEndpoints.list()).data;
}

describe('PUT /api/connection', () => {
  it('checks the key, registers the gateway webhook at a path naming the connection and keeps its secret', async () => {
    const shop = newShop();
    const account = await h.gateway.newAccount({ balance: 4_200_00 });
    const { status, body, text } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: `  ${account.apiKey} `,
      senderId: 'MyShop',
    });
    expect(status).toBe(200);
    const stored = await h.store.connections.get(shop);
    expect(stored).toMatchObject({
      karvonApiKey: account.apiKey,
      karvonBaseUrl: h.gateway.url,
      senderId: 'MyShop',
      webhookSecret: expect.stringMatching(/^whsec_/),
    });
    const connectionId = stored?.connectionId as string;
    expect(connectionId).toMatch(/^con_[A-Za-z0-9_-]{20}$/);
    expect(body).toEqual({
      connection: {
        connectionId,
        baseUrl: h.gateway.url,
        senderId: 'MyShop',
        apiKeyHint: `…${account.apiKey.slice(-4)}`,
        webhookRegistered: true,
        connectedAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      warnings: [],
    });
    // Neither the key nor the signing secret ever goes back to the browser.
    expect(text).not.toContain(account.apiKey);
    expect(text).not.toContain(stored?.webhookSecret);

    const [endpoint] = await endpointsOf(account.apiKey);
    expect(endpoint).toMatchObject({
      id: stored?.webhookEndpointId,
      url: `${TEST_APP_URL}/karvon/webhooks/${connectionId}`,
      events: [...GATEWAY_WEBHOOK_EVENTS],
    });
    // The connection is found again by the id in that path: how the webhook route picks the secret.
    expect((await h.store.connections.getById(connectionId))?.shop).toBe(shop);
  });

  it('subscribes every message status event and opt-out changes, not inbound messages', () => {
    expect(GATEWAY_WEBHOOK_EVENTS.filter((type) => type.startsWith('message.'))).toHaveLength(8);
    expect(GATEWAY_WEBHOOK_EVENTS).toContain('opt_out.changed');
    expect(GATEWAY_WEBHOOK_EVENTS).not.toContain('message.inbound');
  });

  it('refuses a key the gateway does not know, on the key field, and stores nothing', async () => {
    const shop = newShop();
    const { status, body } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: 'kv_test_0000000000000000000000000000000000000',
      senderId: 'Karvon',
    });
    expect([status, body.code, body.field]).toEqual([422, 'invalid_api_key', 'apiKey']);
    expect(await h.store.connections.get(shop)).toBeNull();
  });

  it('refuses a key that may read the balance but not register webhooks, and registers nothing', async () => {
    const shop = newShop();
    const account = await h.gateway.newAccount({ scopes: ['balance:read', 'messages:send'] });
    const { status, body } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: account.apiKey,
      senderId: 'Karvon',
    });
    expect([status, body.code, body.field]).toEqual([422, 'missing_scope', 'apiKey']);
    expect(await h.store.connections.get(shop)).toBeNull();
  });

  it('reports a gateway that cannot be reached on the URL field, with 502', async () => {
    const shop = newShop();
    const account = await h.gateway.newAccount();
    const { status, body } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: account.apiKey,
      senderId: 'Karvon',
      baseUrl: 'http://127.0.0.1:1',
    });
    expect([status, body.code, body.field]).toEqual([502, 'gateway_unreachable', 'baseUrl']);
  });

  it('checks the sender ID and the URL before calling the gateway', async () => {
    const shop = newShop();
    const account = await h.gateway.newAccount();
    for (const [input, field] of [
      [{ apiKey: account.apiKey, senderId: 'ThisIsTooLong' }, 'senderId'],
      [{ apiKey: account.apiKey, senderId: '12' }, 'senderId'],
      [{ apiKey: account.apiKey, senderId: 'Karvon', baseUrl: 'ftp://gw.example.com' }, 'baseUrl'],
      [{ apiKey: 'short', senderId: 'Karvon' }, 'apiKey'],
    ] as const) {
      const { status, body } = await h.call(shop, 'PUT', '/api/connection', input);
      expect([status, body.code, body.field]).toEqual([422, 'validation_failed', field]);
    }
    expect(await endpointsOf(account.apiKey)).toEqual([]);
  });

  it('replaces the connection on reconnect: a new path and endpoint, the old endpoint deleted at its gateway', async () => {
    const shop = newShop();
    const first = await h.connect(shop);
    const before = await h.store.connections.get(shop);
    const second = await h.gateway.newAccount();
    const { status, body } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: second.apiKey,
      senderId: 'Second',
    });
    expect([status, body.warnings]).toEqual([200, []]);
    const after = await h.store.connections.get(shop);
    expect(after?.connectionId).not.toBe(before?.connectionId);
    expect(after?.webhookSecret).not.toBe(before?.webhookSecret);
    expect(await endpointsOf(first.apiKey)).toEqual([]);
    expect((await endpointsOf(second.apiKey)).map((e) => e.id)).toEqual([after?.webhookEndpointId]);
    expect(await h.store.connections.getById(before?.connectionId as string)).toBeNull();
  });

  it('reconnects even when the old endpoint cannot be removed, and says so', async () => {
    const shop = newShop();
    const first = await h.connect(shop);
    const old = await h.store.connections.get(shop);
    // The stored key no longer works (revoked at the gateway meanwhile): the delete is refused.
    await h.store.connections.upsert({
      ...(old as NonNullable<typeof old>),
      karvonApiKey: 'kv_test_revoked0000000000000000000000000000',
    });
    const second = await h.gateway.newAccount();
    const { status, body } = await h.call(shop, 'PUT', '/api/connection', {
      apiKey: second.apiKey,
      senderId: 'Karvon',
    });
    expect(status).toBe(200);
    expect(body.warnings).toEqual([expect.stringContaining(old?.webhookEndpointId as string)]);
    expect(body.warnings[0]).not.toContain('kv_test_');
    expect(await endpointsOf(first.apiKey)).toHaveLength(1);
  });
});

describe('DELETE /api/connection', () => {
  it('removes the endpoint at the gateway and the stored connection; a second call changes nothing', async () => {
    const shop = newShop();
    const account = await h.connect(shop);
    expect(await endpointsOf(account.apiKey)).toHaveLength(1);
    expect((await h.call(shop, 'DELETE', '/api/connection')).body).toEqual({ disconnected: true, warnings: [] });
    expect(await endpointsOf(account.apiKey)).toEqual([]);
    expect(await h.store.connections.get(shop)).toBeNull();
    expect((await h.call(shop, 'DELETE', '/api/connection')).body).toEqual({ disconnected: false, warnings: [] });
  });

  it('treats an endpoint already gone at the gateway as removed', async () => {
    const shop = newShop();
    const account = await h.connect(shop);
    const connection = await h.store.connections.get(shop);
    await clientFor(account.apiKey).webhookEndpoints.delete(connection?.webhookEndpointId as WebhookEndpointId);
    expect((await h.call(shop, 'DELETE', '/api/connection')).body).toEqual({ disconnected: true, warnings: [] });
  });
});

describe('GET /api/overview with a connection', () => {
  it('shows the live balance and only the key’s last four characters', async () => {
    const shop = newShop();
    const account = await h.connect(shop, await h.gateway.newAccount({ balance: 1_234_567_89 }));
    const { body, text } = await h.call(shop, 'GET', '/api/overview');
    expect(body.balance).toEqual({ amount: 1_234_567_89, currency: 'UZS', display: 'UZS\u00a01,234,567.89' });
    expect(body.balanceError).toBeNull();
    expect(body.connection.apiKeyHint).toBe(`…${account.apiKey.slice(-4)}`);
    expect(text).not.toContain(account.apiKey);
  });

  it('still answers when the gateway is down, with the reason instead of a balance', async () => {
    const shop = newShop();
    await h.connect(shop);
    const connection = await h.store.connections.get(shop);
    await h.store.connections.upsert({
      ...(connection as NonNullable<typeof connection>),
      karvonBaseUrl: 'http://127.0.0.1:1',
    });
    const { status, body } = await h.call(shop, 'GET', '/api/overview');
    expect(status).toBe(200);
    expect(body.balance).toBeNull();
    expect(body.balanceError).toBe('The Karvon gateway could not be reached.');
    expect(body.connection.baseUrl).toBe('http://127.0.0.1:1');
  });
});
