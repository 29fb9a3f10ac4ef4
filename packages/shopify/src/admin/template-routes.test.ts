import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from '../notifications/default-templates';
import { type AdminApiHarness, newShop, startAdminApiHarness } from './test-support/admin-api-harness';

let h: AdminApiHarness;
beforeAll(async () => {
  h = await startAdminApiHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/templates', () => {
  it('lists every notification in every language, as defaults, with the variables', async () => {
    const { status, body } = await h.call(newShop(), 'GET', '/api/templates');
    expect(status).toBe(200);
    expect(body.variables).toEqual([...TEMPLATE_VARIABLES]);
    expect(body.templates).toHaveLength(12);
    expect(body.templates[0]).toEqual({
      kind: 'order_confirmation',
      locale: 'en',
      body: DEFAULT_TEMPLATES.order_confirmation.en,
      isDefault: true,
      defaultBody: DEFAULT_TEMPLATES.order_confirmation.en,
      updatedAt: null,
    });
  });
});

describe('PUT and DELETE /api/templates/{kind}/{locale}', () => {
  it('saves the merchant’s text, lists it as theirs, and goes back to the default on delete', async () => {
    const shop = newShop();
    const body = 'Salom {first_name}! {order_name} yoʻlda: {tracking_url}';
    const saved = await h.call(shop, 'PUT', '/api/templates/shipping/uz', { body });
    expect(saved.status).toBe(200);
    expect(saved.body.template).toMatchObject({ kind: 'shipping', locale: 'uz', body, isDefault: false });
    expect(Date.parse(saved.body.template.updatedAt)).not.toBeNaN();

    const listed = (await h.call(shop, 'GET', '/api/templates')).body.templates;
    expect(listed.filter((t: { isDefault: boolean }) => !t.isDefault)).toEqual([saved.body.template]);
    // Another shop still sees the default.
    const other = (await h.call(newShop(), 'GET', '/api/templates')).body.templates;
    expect(other.every((t: { isDefault: boolean }) => t.isDefault)).toBe(true);

    const reset = await h.call(shop, 'DELETE', '/api/templates/shipping/uz');
    expect(reset.body.template).toMatchObject({
      body: DEFAULT_TEMPLATES.shipping.uz,
      isDefault: true,
      updatedAt: null,
    });
    expect(await h.store.settings.listTemplates(shop)).toEqual([]);
  });

  it('refuses variables no order has with 422 naming them, and keeps the old text', async () => {
    const shop = newShop();
    await h.call(shop, 'PUT', '/api/templates/cancellation/en', { body: 'Sorry {first_name}' });
    const { status, body } = await h.call(shop, 'PUT', '/api/templates/cancellation/en', {
      body: 'Sorry {first_name}, use {coupon} or {Coupon}',
    });
    expect([status, body.code, body.field, body.unknown]).toEqual([
      422,
      'unknown_variables',
      'body',
      ['coupon', 'Coupon'],
    ]);
    expect(body.message).toMatch(/^Unknown variables: \{coupon\}, \{Coupon\}\. Use \{first_name\}/);
    expect((await h.store.settings.listTemplates(shop)).map((t) => t.body)).toEqual(['Sorry {first_name}']);
  });

  it('refuses an empty, too long or unsendable text on the body field', async () => {
    const shop = newShop();
    for (const text of ['   ', 'x'.repeat(1601), 'a\u0000b', 'half \ud800 pair']) {
      const { status, body } = await h.call(shop, 'PUT', '/api/templates/shipping/en', { body: text });
      expect([status, body.code, body.field]).toEqual([422, 'validation_failed', 'body']);
    }
    expect(await h.store.settings.listTemplates(shop)).toEqual([]);
  });

  it('answers 404 for a notification or language that does not exist', async () => {
    const shop = newShop();
    expect((await h.call(shop, 'PUT', '/api/templates/refund/en', { body: 'x' })).status).toBe(404);
    expect((await h.call(shop, 'DELETE', '/api/templates/shipping/de')).status).toBe(404);
  });
});

describe('POST /api/templates/preview', () => {
  it('renders a draft with a sample order and asks the gateway for encoding, segments and price', async () => {
    const shop = newShop();
    await h.connect(shop);
    const latin = await h.call(shop, 'POST', '/api/templates/preview', {
      kind: 'shipping',
      locale: 'en',
      body: 'Hi {first_name}, {order_name} ships with {carrier}: {tracking_url}',
    });
    expect(latin.status).toBe(200);
    expect(latin.body.preview).toEqual({
      text: 'Hi Dilnoza, #1024 ships with UzPost: https://t.example.com/UZ7712345',
      encoding: 'GSM-7',
      segments: 1,
      price: { amount: expect.any(Number), currency: 'UZS', display: expect.stringMatching(/^UZS\u00a0/) },
      gatewayError: null,
    });
    const cyrillic = await h.call(shop, 'POST', '/api/templates/preview', {
      kind: 'shipping',
      locale: 'ru',
      body: `{first_name}, ${'заказ в пути '.repeat(6)}`,
    });
    expect(cyrillic.body.preview).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(cyrillic.body.preview.price.amount).toBe(2 * latin.body.preview.price.amount);
  });

  it('previews the saved text, or the default, when no draft is given', async () => {
    const shop = newShop();
    await h.connect(shop);
    const fallback = await h.call(shop, 'POST', '/api/templates/preview', { kind: 'cancellation', locale: 'en' });
    expect(fallback.body.preview.text).toMatch(/^Hi Dilnoza, your order #1024 at .+ has been cancelled\.$/);
    await h.call(shop, 'PUT', '/api/templates/cancellation/en', { body: 'Cancelled: {order_name}' });
    const own = await h.call(shop, 'POST', '/api/templates/preview', { kind: 'cancellation', locale: 'en' });
    expect(own.body.preview.text).toBe('Cancelled: #1024');
  });

  it('passes braces that are not placeholders through to the gateway as text', async () => {
    const shop = newShop();
    await h.connect(shop);
    const { body } = await h.call(shop, 'POST', '/api/templates/preview', {
      kind: 'order_confirmation',
      locale: 'en',
      body: 'Sale {50% off} for {first_name} }{',
    });
    expect(body.preview).toMatchObject({ text: 'Sale {50% off} for Dilnoza }{', segments: 1, gatewayError: null });
  });

  it('still shows the text without a connection, and says why there are no numbers', async () => {
    const { status, body } = await h.call(newShop(), 'POST', '/api/templates/preview', {
      kind: 'shipping',
      locale: 'en',
      body: 'On its way: {tracking_number}',
    });
    expect(status).toBe(200);
    expect(body.preview).toEqual({
      text: 'On its way: UZ7712345',
      encoding: null,
      segments: null,
      price: null,
      gatewayError: 'Connect a Karvon account to see segments and price.',
    });
  });

  it('refuses a draft with unknown variables like a save does', async () => {
    const { status, body } = await h.call(newShop(), 'POST', '/api/templates/preview', {
      kind: 'shipping',
      locale: 'en',
      body: '{first_name} {nick}',
    });
    expect([status, body.code, body.unknown]).toEqual([422, 'unknown_variables', ['nick']]);
  });
});
