import { afterEach, describe, expect, it } from 'vitest';
import { order } from '../src/__fixtures__/webhooks/order-payloads';
import { SHOP, type ShopifyAppHarness, startShopifyAppHarness } from './support/shopify-app-harness';

let h: ShopifyAppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const placed = (phone: string) =>
  order({ id: 6_200_000_000_001, name: '#3001', shipping_address: { ...order().shipping_address, phone } });

describe('billing, selected by config', () => {
  it('charges one Shopify usage record per sent SMS on the App Store model, never twice', async () => {
    h = await startShopifyAppHarness({ billing: { mode: 'shopify', pricePerSegment: '0.02', currency: 'USD' } });
    h.fakeShop.addActiveUsageSubscription({ cappedAmount: { amount: '100.00', currencyCode: 'USD' } });
    await h.deliver('orders/create', placed('+998901234001'), { eventId: 'bill-1', times: 3 });
    await h.drain();
    const [notification] = await h.app.store.notifications.listByOrder(SHOP, '6200000000001');
    expect(notification?.status).toBe('sent');
    expect(h.fakeShop.usageRecords).toHaveLength(1);
    expect(h.fakeShop.usageRecords[0]).toMatchObject({
      idempotencyKey: notification?.id,
      price: { amount: '0.02', currencyCode: 'USD' },
    });
    expect((await h.app.store.usage.list(SHOP))[0]).toMatchObject({ status: 'charged', amount: '0.02' });
  });

  it('charges nothing at Shopify when merchants pay from their Karvon balance', async () => {
    h = await startShopifyAppHarness({ billing: { mode: 'karvon' } });
    await h.deliver('orders/create', placed('+998901234002'), { eventId: 'bill-2' });
    await h.drain();
    const [notification] = await h.app.store.notifications.listByOrder(SHOP, '6200000000001');
    expect(notification?.status).toBe('sent');
    expect(h.fakeShop.count('graphql', 'AppUsageRecordCreate')).toBe(0);
    expect(await h.app.store.usage.list(SHOP)).toEqual([]);
  });
});
