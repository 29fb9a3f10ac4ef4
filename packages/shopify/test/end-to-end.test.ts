import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order } from '../src/__fixtures__/webhooks/order-payloads';
import { gatewayMessagesTo } from './support/gateway-messages';
import { SHOP, type ShopifyAppHarness, startShopifyAppHarness } from './support/shopify-app-harness';

// The whole path on loopback: a signed orders/create webhook → the app → the real gateway
// (SQLite) → SMPP → carrier simulator → delivery receipt → the gateway's signed message.delivered
// webhook → the app's message log, read through the admin API as the merchant sees it.
let h: ShopifyAppHarness;

beforeAll(async () => {
  h = await startShopifyAppHarness({ withCarrier: true });
});
afterAll(async () => {
  await h?.close();
});

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await h.drain();
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('order SMS end to end', () => {
  it('delivers the order confirmation and shows it delivered in the app’s message log', async () => {
    const phone = '+998901112233';
    const placed = order({
      id: 6_100_000_000_001,
      name: '#2001',
      shipping_address: { ...order().shipping_address, phone },
    });
    expect(await h.deliver('orders/create', placed, { eventId: 'e2e-create-2001' })).toEqual([200]);

    const log = await waitFor(
      () => h.admin('GET', '/api/messages'),
      (answer) => JSON.stringify(answer.body).includes('"delivered"'),
      'the delivered status in the message log',
    );
    expect(log.status).toBe(200);
    const entry = JSON.stringify(log.body);
    expect(entry).toContain('#2001');
    expect(entry).not.toContain(phone); // masked for the merchant's screen too
    const [message] = await gatewayMessagesTo(h, phone);
    expect(message?.status).toBe('delivered');
    expect(h.gateway.sim?.stats().submits.total).toBe(1);
  });

  it('sends nothing more when Shopify redelivers the webhook', async () => {
    const placed = order({ id: 6_100_000_000_001, name: '#2001' });
    const phone = '+998901112233';
    const again = order({ ...placed, shipping_address: { ...order().shipping_address, phone } });
    expect(await h.deliver('orders/create', again, { eventId: 'e2e-create-2001', times: 2 })).toEqual([200, 200]);
    await h.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await gatewayMessagesTo(h, phone)).toHaveLength(1);
    expect(h.gateway.sim?.stats().submits).toMatchObject({ total: 1, duplicates: 0 });
    const notifications = await h.app.store.notifications.listByOrder(SHOP, String(placed.id));
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.gatewayStatus).toBe('delivered');
  });
});
