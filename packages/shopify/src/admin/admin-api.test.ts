import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ERROR_CODES } from './admin-error';
import { type AdminApiHarness, newShop, startAdminApiHarness, TEST_APP_URL } from './test-support/admin-api-harness';

let h: AdminApiHarness;
beforeAll(async () => {
  h = await startAdminApiHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('createAdminApi: routing and authentication', () => {
  it('answers null for paths that are not under /api/, so the app can fall through', async () => {
    for (const path of ['/', '/apix', '/webhooks/shopify', '/karvon/webhooks/con_1', '/app/api/overview']) {
      expect(await h.api(new Request(`${TEST_APP_URL}${path}`))).toBeNull();
    }
  });

  it('refuses a request without a valid session token with 401 and asks App Bridge to retry once', async () => {
    for (const authorization of [undefined, 'Bearer', 'Basic abc', 'Bearer shop:']) {
      const response = await h.api(
        new Request(`${TEST_APP_URL}/api/overview`, authorization ? { headers: { authorization } } : {}),
      );
      expect(response?.status).toBe(401);
      expect(response?.headers.get('x-shopify-retry-invalid-session-request')).toBe('1');
      expect(await response?.json()).toEqual({
        code: 'unauthenticated',
        message: ADMIN_ERROR_CODES.unauthenticated.message,
      });
    }
  });

  it('answers 404 for an unknown admin route and 405 with Allow for a method a route does not take', async () => {
    const shop = newShop();
    expect((await h.call(shop, 'GET', '/api/nothing-here')).body.code).toBe('not_found');
    const wrongMethod = await h.call(shop, 'POST', '/api/overview');
    expect([wrongMethod.status, wrongMethod.body.code, wrongMethod.headers.get('allow')]).toEqual([
      405,
      'method_not_allowed',
      'GET',
    ]);
    expect((await h.call(shop, 'GET', '/api/templates/shipping/en')).headers.get('allow')).toBe('PUT, DELETE');
  });

  it('answers 400 for a body that is not JSON and 422 naming the field for one that does not fit', async () => {
    const shop = newShop();
    const notJson = await h.call(shop, 'PUT', '/api/settings', '{"enabled":');
    expect([notJson.status, notJson.body.code]).toEqual([400, 'invalid_json']);
    const badField = await h.call(shop, 'PUT', '/api/settings', { defaultLocale: 'fr' });
    expect([badField.status, badField.body.code, badField.body.field]).toEqual([
      422,
      'validation_failed',
      'defaultLocale',
    ]);
    const unknownField = await h.call(shop, 'PUT', '/api/settings', { shopName: 'Mine' });
    expect([unknownField.status, unknownField.body.code]).toEqual([422, 'validation_failed']);
    const tooLarge = await h.call(shop, 'PUT', '/api/templates/shipping/en', { body: 'x'.repeat(70_000) });
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'body_too_large']);
  });

  it('never answers 5xx to hostile input on any route', async () => {
    const shop = newShop();
    const bodies: unknown[] = [
      'null',
      '[]',
      '"text"',
      '42',
      '{"__proto__":{"admin":true}}',
      { apiKey: 42, senderId: null },
      { apiKey: 'kv_test_x'.padEnd(50, 'x'), senderId: '<script>', baseUrl: 'javascript:alert(1)' },
      { kind: 'order_confirmation', locale: 'en', body: '{' },
      { kind: 'constructor', locale: 'toString' },
      { phone: '+998 90 123 45 67'.repeat(10), kind: 'shipping', locale: 'uz' },
      { enabled: { shipping: 'yes' } },
      { body: '\u0000\uD800' },
    ];
    const routes: [string, string][] = [
      ['PUT', '/api/connection'],
      ['PUT', '/api/settings'],
      ['PUT', '/api/templates/shipping/en'],
      ['PUT', '/api/templates/__proto__/en'],
      ['PUT', '/api/templates/%E0%A4%A/en'],
      ['POST', '/api/templates/preview'],
      ['POST', '/api/test-send'],
      ['GET', '/api/messages?before=1%7C%27%20OR%201%3D1'],
    ];
    for (const [method, path] of routes) {
      for (const body of method === 'GET' ? [undefined] : bodies) {
        const answer = await h.call(shop, method, path, body);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}: ${answer.text}`).toBeLessThan(500);
        if (answer.status >= 400) {
          expect(answer.body).toEqual(
            expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
          );
        }
      }
    }
  });
});

describe('GET /api/overview and PUT /api/settings', () => {
  it('shows a new shop’s defaults: not connected, order notifications on and marketing off, English, empty inbox', async () => {
    const shop = newShop();
    const { status, body } = await h.call(shop, 'GET', '/api/overview');
    expect(status).toBe(200);
    expect(body).toEqual({
      shop,
      connection: null,
      settings: {
        enabled: { order_confirmation: true, shipping: true, cancellation: true, abandoned_checkout: false },
        defaultLocale: 'en',
        shopName: expect.any(String),
      },
      balance: null,
      balanceError: null,
      inbox: { pending: 0, processing: 0, done: 0, failed: 0 },
    });
  });

  it('counts the shop’s own inbox events only', async () => {
    const shop = newShop();
    await h.store.inbox.insert({
      shop,
      eventId: 'e1',
      topic: 'orders/create',
      webhookId: null,
      apiVersion: null,
      payload: '{}',
    });
    await h.store.inbox.insert({
      shop: newShop(),
      eventId: 'e2',
      topic: 'orders/create',
      webhookId: null,
      apiVersion: null,
      payload: '{}',
    });
    expect((await h.call(shop, 'GET', '/api/overview')).body.inbox).toEqual({
      pending: 1,
      processing: 0,
      done: 0,
      failed: 0,
    });
  });

  it('saves notifications on/off per kind and the default language, leaving the rest as it was', async () => {
    const shop = newShop();
    const first = await h.call(shop, 'PUT', '/api/settings', { enabled: { shipping: false } });
    expect(first.body.settings.enabled).toEqual({
      order_confirmation: true,
      shipping: false,
      cancellation: true,
      abandoned_checkout: false,
    });
    const second = await h.call(shop, 'PUT', '/api/settings', {
      defaultLocale: 'uz',
      enabled: { cancellation: false },
    });
    expect(second.body.settings).toMatchObject({
      enabled: { order_confirmation: true, shipping: false, cancellation: false, abandoned_checkout: false },
      defaultLocale: 'uz',
    });
    expect(await h.store.settings.get(shop)).toMatchObject({
      enabled: { order_confirmation: true, shipping: false, cancellation: false, abandoned_checkout: false },
      defaultLocale: 'uz',
    });
    expect((await h.call(shop, 'GET', '/api/overview')).body.settings.defaultLocale).toBe('uz');
  });
});
