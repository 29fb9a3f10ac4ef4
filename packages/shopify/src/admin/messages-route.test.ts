import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../storage/shopify-store';
import { type AdminApiHarness, newShop, startAdminApiHarness } from './test-support/admin-api-harness';

let h: AdminApiHarness;
beforeAll(async () => {
  h = await startAdminApiHarness();
});
afterAll(async () => {
  await h?.close();
});

async function seedNotifications(shop: string, count: number): Promise<void> {
  const kinds: NotificationKind[] = ['order_confirmation', 'shipping', 'cancellation'];
  for (let i = 0; i < count; i++) {
    const { notification } = await h.store.notifications.claim({
      shop,
      orderId: `gid://shopify/Order/${1000 + i}`,
      kind: kinds[i % 3] as NotificationKind,
      fulfillmentId: '',
      customerId: null,
      phone: i === 2 ? null : `+99890123${String(i).padStart(4, '0')}`,
      locale: 'en',
      orderName: `#${1000 + i}`,
    });
    if (i % 4 === 0) {
      await h.store.notifications.markSent(notification.id, {
        gatewayMessageId: `msg_${shop}_${i}`,
        gatewayStatus: 'queued',
        segments: 1,
      });
    }
    if (i === 1) await h.store.notifications.markSkipped(notification.id, 'The customer has no phone number');
  }
}

describe('GET /api/messages', () => {
  it('lists the shop’s notifications newest first, with masked numbers, a page at a time', async () => {
    const shop = newShop();
    await seedNotifications(shop, 30);
    await seedNotifications(newShop(), 3);
    const first = await h.call(shop, 'GET', '/api/messages');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(25);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await h.call(shop, 'GET', `/api/messages?before=${encodeURIComponent(first.body.next)}`);
    expect(second.body.items).toHaveLength(5);
    expect(second.body.next).toBeNull();

    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((item) => item.orderName)).size).toBe(30);
    const times = all.map((item) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.text + second.text).not.toMatch(/\+99890123\d{4}/);
    expect(all.find((item) => item.orderName === '#1004')).toMatchObject({
      kind: 'shipping',
      phone: '+99890*****04',
      status: 'sent',
      gatewayStatus: 'queued',
      segments: 1,
    });
    expect(all.find((item) => item.orderName === '#1001')).toMatchObject({
      status: 'skipped',
      reason: 'The customer has no phone number',
    });
    expect(all.find((item) => item.orderName === '#1002')?.phone).toBeNull();
  });

  it('shows the status the gateway reported last', async () => {
    const shop = newShop();
    await seedNotifications(shop, 1);
    await h.store.notifications.updateGatewayStatus(`msg_${shop}_0`, 'delivered');
    expect((await h.call(shop, 'GET', '/api/messages')).body.items[0]).toMatchObject({ gatewayStatus: 'delivered' });
  });

  it('refuses a cursor it did not hand out', async () => {
    const { status, body } = await h.call(newShop(), 'GET', '/api/messages?before=yesterday');
    expect([status, body.code, body.field]).toEqual([400, 'invalid_query', 'before']);
  });
});
