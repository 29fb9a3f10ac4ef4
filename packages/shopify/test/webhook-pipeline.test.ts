import { Karvon } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, fulfillment, order } from '../src/__fixtures__/webhooks/order-payloads';
import { gatewayMessagesTo } from './support/gateway-messages';
import { SHOP, type ShopifyAppHarness, startShopifyAppHarness } from './support/shopify-app-harness';

// Each test uses its own order and phone, so one app and gateway serve the whole file.
let h: ShopifyAppHarness;
let nextOrder = 5_000_000_000_000;
let nextPhone = 1_000_000;

function newCustomerOrder(overrides: Record<string, unknown> = {}) {
  nextOrder += 1;
  nextPhone += 1;
  const phone = `+99890${String(nextPhone).padStart(7, '0')}`;
  const address = { ...order().shipping_address, phone };
  return {
    phone,
    order: order({ id: nextOrder, name: `#${nextOrder % 100000}`, shipping_address: address, ...overrides }),
  };
}

const notificationsOf = async (orderId: number) => h.app.store.notifications.listByOrder(SHOP, String(orderId));

beforeAll(async () => {
  h = await startShopifyAppHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Shopify webhooks → notifications', () => {
  it('connects through the admin API: token exchange at Shopify, shop name read, gateway webhook registered', async () => {
    expect(h.fakeShop.count('token_exchange')).toBeGreaterThanOrEqual(1);
    const connection = await h.app.store.connections.get(SHOP);
    expect(connection?.webhookSecret).toMatch(/^whsec_/);
    expect((await h.app.store.settings.get(SHOP)).shopName).toBe('Karvon Demo');
  });

  it('sends one order confirmation, in the customer’s language, for an event delivered three times', async () => {
    const { phone, order: placed } = newCustomerOrder();
    expect(await h.deliver('orders/create', placed, { eventId: `create-${placed.id}`, times: 3 })).toEqual([
      200, 200, 200,
    ]);
    await h.drain();
    const [notification, ...rest] = await notificationsOf(placed.id);
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({ kind: 'order_confirmation', status: 'sent', locale: 'uz', phone });
    const messages = await gatewayMessagesTo(h, phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.clientReference).toBe(notification?.id);
  });

  it('sends exactly one shipping SMS for one shipment told by five topics, each redelivered', async () => {
    const { phone, order: placed } = newCustomerOrder();
    const shipment = fulfillment({ id: placed.id + 7, order_id: placed.id, name: `${placed.name}.1` });
    const fulfilled = { ...placed, fulfillment_status: 'fulfilled', fulfillments: [shipment] };
    await h.deliver('orders/fulfilled', fulfilled, { eventId: `fulfilled-${placed.id}`, times: 2 });
    await h.deliver('fulfillments/create', shipment, { eventId: `fcreate-${shipment.id}`, times: 2 });
    for (const [index, status] of ['in_transit', 'out_for_delivery', 'delivered'].entries()) {
      await h.deliver(
        'fulfillments/update',
        { ...shipment, shipment_status: status },
        {
          eventId: `fupdate-${shipment.id}-${index}`,
          times: 2,
        },
      );
    }
    await h.drain();
    const shipping = (await notificationsOf(placed.id)).filter((n) => n.kind === 'shipping');
    expect(shipping).toHaveLength(1);
    expect(shipping[0]).toMatchObject({ status: 'sent', fulfillmentId: String(shipment.id) });
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(1);
  });

  it('on fulfillments/update, sends only once tracking first appears', async () => {
    const { phone, order: placed } = newCustomerOrder();
    // The create was missed (app installed later); the first updates carry no tracking yet.
    const untracked = fulfillment({
      id: placed.id + 9,
      order_id: placed.id,
      name: `${placed.name}.1`,
      destination: placed.shipping_address,
      tracking_number: null,
      tracking_numbers: [],
      tracking_url: null,
      tracking_urls: [],
    });
    await h.deliver('fulfillments/update', untracked, { eventId: `u1-${untracked.id}` });
    await h.drain();
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(0);
    const tracked = { ...untracked, tracking_number: 'UZ1', tracking_url: 'https://track.example.uz/UZ1' };
    await h.deliver('fulfillments/update', tracked, { eventId: `u2-${untracked.id}` });
    await h.deliver(
      'fulfillments/update',
      { ...tracked, shipment_status: 'delivered' },
      { eventId: `u3-${untracked.id}` },
    );
    await h.drain();
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(1);
  });

  it('sends the cancellation on orders/cancelled', async () => {
    const { phone, order: placed } = newCustomerOrder({ customer_locale: 'ru-RU' });
    await h.deliver(
      'orders/cancelled',
      { ...placed, cancelled_at: '2026-11-25T13:00:00+05:00' },
      { eventId: `cancel-${placed.id}` },
    );
    await h.drain();
    expect(await notificationsOf(placed.id)).toMatchObject([{ kind: 'cancellation', status: 'sent', locale: 'ru' }]);
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(1);
  });

  it('skips with a reason the merchant reads when Shopify withheld the phone', async () => {
    const { order: placed } = newCustomerOrder({
      shipping_address: { first_name: 'Dilnoza', phone: null },
      billing_address: null,
      customer: { ...customer, phone: null },
      phone: null,
    });
    await h.deliver('orders/create', placed, { eventId: `redacted-${placed.id}` });
    await h.drain();
    expect(await notificationsOf(placed.id)).toMatchObject([
      { status: 'skipped', reason: expect.stringMatching(/protected customer data/) },
    ]);
    const log = await h.admin('GET', '/api/messages');
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('protected customer data');
  });

  it('sends nothing for a notification the merchant turned off', async () => {
    const settings = await h.app.store.settings.get(SHOP);
    await h.app.store.settings.put({ ...settings, enabled: { ...settings.enabled, cancellation: false } });
    try {
      const { phone, order: placed } = newCustomerOrder();
      await h.deliver('orders/cancelled', placed, { eventId: `off-${placed.id}` });
      await h.drain();
      expect(await notificationsOf(placed.id)).toEqual([]);
      expect(await gatewayMessagesTo(h, phone)).toHaveLength(0);
    } finally {
      await h.app.store.settings.put(settings);
    }
  });

  it('answers 401 to a bad HMAC, compliance topics included, and stores nothing', async () => {
    const before = await h.app.store.inbox.counts(SHOP, 'platform');
    const { order: placed } = newCustomerOrder();
    expect(await h.deliver('orders/create', placed, { eventId: `bad-${placed.id}`, tamper: true })).toEqual([401]);
    expect(
      await h.deliver(
        'customers/redact',
        { shop_domain: SHOP, name: 'x', customer: { id: 1 } },
        { eventId: 'bad-redact', tamper: true },
      ),
    ).toEqual([401]);
    expect(await h.app.store.inbox.counts(SHOP, 'platform')).toEqual(before);
  });

  it('loses nothing when the app stops between the 200 and the processing', async () => {
    const { phone, order: placed } = newCustomerOrder();
    expect(await h.deliver('orders/create', placed, { eventId: `restart-${placed.id}` })).toEqual([200]);
    await h.restartApp();
    await h.drain();
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(1);
  });
});

describe('marketing consent, both ways', () => {
  it('mirrors a Shopify subscribe into a gateway consent and an unsubscribe into a gateway opt-out, without echo writes', async () => {
    nextPhone += 1;
    const phone = `+99890${String(nextPhone).padStart(7, '0')}`;
    const customerId = String(8_000_000 + nextPhone);
    h.fakeShop.addCustomer({ id: customerId, phone, firstName: 'Aziz', locale: 'uz' });
    // Shopify changes the customer first, then tells the app: the fake shop holds the same state.
    const update = (state: 'subscribed' | 'unsubscribed') => {
      const customer = h.fakeShop.customers.get(customerId);
      if (customer) {
        customer.smsMarketingConsent = {
          marketingState: state === 'subscribed' ? 'SUBSCRIBED' : 'UNSUBSCRIBED',
          marketingOptInLevel: 'SINGLE_OPT_IN',
          consentUpdatedAt: '2026-11-25T07:30:00Z',
          consentCollectedFrom: 'SHOPIFY',
        };
      }
      return payload(state);
    };
    const payload = (state: string) => ({
      customer_id: Number(customerId),
      phone_number: phone,
      sms_marketing_consent: {
        state,
        opt_in_level: 'single_opt_in',
        consent_updated_at: '2026-11-25T12:30:00+05:00',
        consent_collected_from: 'SHOPIFY',
      },
    });
    const gateway = new Karvon({ apiKey: h.account.apiKey, baseUrl: h.gateway.url, maxRetries: 0 });
    const writesBefore = h.fakeShop.count('graphql', 'CustomerSmsMarketingConsentUpdate');

    await h.deliver('customers_marketing_consent/update', update('subscribed'), {
      eventId: `consent-sub-${customerId}`,
    });
    await h.drain();
    const consents = [];
    for await (const consent of gateway.consents.list({ phoneNumber: phone })) consents.push(consent);
    expect(consents).toMatchObject([{ phoneNumber: phone, source: 'shopify' }]);

    await h.deliver('customers_marketing_consent/update', update('unsubscribed'), {
      eventId: `consent-unsub-${customerId}`,
    });
    await h.drain();
    const optOuts = [];
    for await (const optOut of gateway.optOuts.list({ phoneNumber: phone })) optOuts.push(optOut);
    expect(optOuts).toHaveLength(1);

    // The gateway tells the app about the opt-out it just made; Shopify already says unsubscribed.
    const deadline = Date.now() + 10_000;
    while (!h.gatewayEvents.some((e) => e.type === 'opt_out.changed' && e.data.phoneNumber === phone)) {
      if (Date.now() > deadline) throw new Error('no opt_out.changed from the gateway');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await h.drain();
    expect(h.fakeShop.count('graphql', 'CustomerSmsMarketingConsentUpdate')).toBe(writesBefore);
  });
});

describe('the admin page’s test send', () => {
  it('sends the merchant’s saved template, rendered with sample values, through their connection', async () => {
    const saved = await h.admin('PUT', '/api/templates/shipping/ru', { body: 'Тест {shop_name}: {order_name}' });
    expect(saved.status).toBe(200);
    const sent = await h.admin('POST', '/api/test-send', { phone: '90 765 43 21', kind: 'shipping', locale: 'ru' });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ phone: '+99890*****21', segments: 1 });
    const messages = await gatewayMessagesTo(h, '+998907654321');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: sent.body.messageId,
      encoding: 'UCS-2',
      metadata: { test: 'true', kind: 'shipping' },
    });
  });
});
