import { Karvon } from '@karvon/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { customer, order } from '../src/__fixtures__/webhooks/order-payloads';
import { gatewayMessagesTo } from './support/gateway-messages';
import { SHOP, type ShopifyAppHarness, startShopifyAppHarness } from './support/shopify-app-harness';

// Checkout bodies in the REST Checkout shape of the checkouts/create webhook
// (https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-of-topics-checkouts/create).
function checkout(token: string, phone: string, overrides: Record<string, unknown> = {}) {
  return {
    id: 901_000_000 + token.length,
    token,
    cart_token: `cart-${token}`,
    email: null,
    phone,
    sms_marketing_phone: phone,
    buyer_accepts_marketing: false,
    buyer_accepts_sms_marketing: true,
    customer_locale: 'uz-UZ',
    abandoned_checkout_url: `https://${SHOP}/checkouts/${token}/recover?key=abc`,
    completed_at: null,
    created_at: '2026-11-25T12:00:00+05:00',
    currency: 'UZS',
    total_price: '149000.00',
    customer: { ...customer, id: 706405506, phone },
    ...overrides,
  };
}

let h: ShopifyAppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function enableReminder(harness: ShopifyAppHarness) {
  const settings = await harness.app.store.settings.get(SHOP);
  expect(settings.enabled.abandoned_checkout).toBe(false); // marketing starts off
  await harness.app.store.settings.put({ ...settings, enabled: { ...settings.enabled, abandoned_checkout: true } });
}

describe('abandoned-checkout reminder (marketing)', () => {
  it('sends one marketing SMS when due, with the consent ticked at checkout recorded at the gateway', async () => {
    h = await startShopifyAppHarness({ abandonedCheckoutDelayMinutes: 0 });
    await enableReminder(h);
    const phone = '+998907770001';
    await h.deliver('checkouts/create', checkout('tok-1', phone), { eventId: 'checkout-1', times: 2 });
    await h.drain();
    const messages = await gatewayMessagesTo(h, phone);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'marketing' });
    const gateway = new Karvon({ apiKey: h.account.apiKey, baseUrl: h.gateway.url, maxRetries: 0 });
    const consents = [];
    for await (const consent of gateway.consents.list({ phoneNumber: phone })) consents.push(consent);
    expect(consents).toMatchObject([{ source: 'shopify_checkout' }]);
  });

  it('sends nothing once the checkout became an order before the reminder was due', async () => {
    h = await startShopifyAppHarness({ abandonedCheckoutDelayMinutes: 60 });
    await enableReminder(h);
    const phone = '+998907770002';
    await h.deliver('checkouts/create', checkout('tok-2', phone), { eventId: 'checkout-2' });
    await h.deliver('orders/create', order({ id: 6_300_000_000_002, checkout_token: 'tok-2' }), {
      eventId: 'order-tok-2',
    });
    await h.drain();
    const [reminder] = await h.app.store.notifications.listByOrder(SHOP, 'checkout:tok-2');
    expect(reminder).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/completed the checkout/) });
    // The due event is still in the inbox; when it runs, the row is already there.
    expect((await h.app.store.inbox.counts(SHOP, 'platform')).pending).toBe(1);
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(0);
  });

  it('does not send without SMS marketing consent, and says why in the log', async () => {
    h = await startShopifyAppHarness({ abandonedCheckoutDelayMinutes: 0 });
    await enableReminder(h);
    const phone = '+998907770003';
    await h.deliver('checkouts/create', checkout('tok-3', phone, { buyer_accepts_sms_marketing: false }), {
      eventId: 'checkout-3',
    });
    await h.drain();
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(0);
    const [reminder] = await h.app.store.notifications.listByOrder(SHOP, 'checkout:tok-3');
    expect(reminder).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/marketing consent/) });
  });

  it('schedules nothing while the merchant has the reminder off (the default)', async () => {
    h = await startShopifyAppHarness({ abandonedCheckoutDelayMinutes: 0 });
    await h.deliver('checkouts/create', checkout('tok-4', '+998907770004'), { eventId: 'checkout-4' });
    await h.drain();
    expect(await gatewayMessagesTo(h, '+998907770004')).toHaveLength(0);
    expect(await h.app.store.notifications.listByOrder(SHOP, 'checkout:tok-4')).toEqual([]);
  });
});
