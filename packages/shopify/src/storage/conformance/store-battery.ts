import { Session } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxEvent, NotificationKind, ShopifyStore } from '../shopify-store';

/**
 * Opens another store instance on the battery's one database (as another process would); `now`
 * replaces its clock. Every call must reach the same tables.
 */
export type OpenStore = (options?: { now?: () => number }) => Promise<ShopifyStore>;

const DAY = 86_400_000;

/** A clock the test moves by hand, starting at the real time so it agrees with other instances. */
function manualClock() {
  let t = Date.now();
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one battery every ShopifyStore implementation passes, run per dialect. */
export function storeBattery(name: string, open: OpenStore): void {
  describe(`ShopifyStore conformance: ${name}`, () => {
    const opened: ShopifyStore[] = [];
    let store: ShopifyStore;
    /** Sees every due event: claims and completes whatever earlier tests left, so a test claims only its own. */
    let drainer: ShopifyStore;
    const run = crypto.randomUUID().slice(0, 8);
    let shops = 0;
    const newShop = () => `shop-${run}-${++shops}.myshopify.com`;

    const openStore: OpenStore = async (options) => {
      const s = await open(options);
      opened.push(s);
      return s;
    };

    beforeAll(async () => {
      store = await openStore();
      drainer = await openStore({ now: () => Date.now() + 365 * DAY });
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    async function drainInbox(): Promise<void> {
      for (;;) {
        const batch = await drainer.inbox.claim(100, 1_000);
        if (batch.length === 0) return;
        for (const event of batch) await drainer.inbox.complete(event.id);
      }
    }

    const event = (shop: string, eventId: string, payload = `{"id":"${eventId}"}`) => ({
      shop,
      eventId,
      topic: 'orders/create',
      webhookId: `wh-${eventId}`,
      apiVersion: '2025-10',
      payload,
    });

    const claimInput = (
      shop: string,
      overrides: Partial<Parameters<ShopifyStore['notifications']['claim']>[0]> = {},
    ) => ({
      shop,
      orderId: 'gid://shopify/Order/1',
      kind: 'order_confirmation' as NotificationKind,
      fulfillmentId: '',
      customerId: 'gid://shopify/Customer/7',
      phone: '+998901234567',
      locale: 'en' as const,
      orderName: '#1001',
      ...overrides,
    });

    it('tells which dialect it is', () => {
      expect(store.dialect).toBe(name);
    });

    describe('webhook inbox', () => {
      it('stores an event once per (shop, eventId) and answers the stored one on a redelivery', async () => {
        const shop = newShop();
        const first = await store.inbox.insert(event(shop, 'e-1', '{"v":1}'));
        expect(first.inserted).toBe(true);
        expect(first.event).toMatchObject({
          shop,
          eventId: 'e-1',
          topic: 'orders/create',
          webhookId: 'wh-e-1',
          apiVersion: '2025-10',
          payload: '{"v":1}',
          status: 'pending',
          attempts: 0,
          lastError: null,
        });
        expect(first.event.availableAt).toBe(first.event.receivedAt);
        const again = await store.inbox.insert(event(shop, 'e-1', '{"v":2}'));
        expect(again).toEqual({ inserted: false, event: first.event });
        expect(await store.inbox.counts(shop)).toEqual({ pending: 1, processing: 0, done: 0, failed: 0 });
      });

      it('keeps the same eventId of another shop as another event', async () => {
        const [a, b] = [newShop(), newShop()];
        const first = await store.inbox.insert(event(a, 'shared-id'));
        const second = await store.inbox.insert(event(b, 'shared-id'));
        expect(second.inserted).toBe(true);
        expect(second.event.id).not.toBe(first.event.id);
        expect((await store.inbox.counts(b)).pending).toBe(1);
      });

      it('claims due events in arrival order under a lease, and again only once the lease runs out', async () => {
        await drainInbox();
        const clock = manualClock();
        const worker = await openStore({ now: clock.now });
        const shop = newShop();
        const ids: string[] = [];
        for (const n of [1, 2, 3]) {
          ids.push((await worker.inbox.insert(event(shop, `lease-${n}`))).event.id);
          clock.advance(1);
        }
        const first = await worker.inbox.claim(2, 60_000);
        expect(first.map((e) => e.id)).toEqual(ids.slice(0, 2));
        expect(first.every((e) => e.status === 'processing')).toBe(true);
        expect((await worker.inbox.claim(10, 60_000)).map((e) => e.id)).toEqual([ids[2]]);
        expect(await worker.inbox.claim(10, 60_000)).toEqual([]);
        expect(await worker.inbox.counts(shop)).toEqual({ pending: 0, processing: 3, done: 0, failed: 0 });

        clock.advance(59_999);
        expect(await worker.inbox.claim(10, 60_000)).toEqual([]);
        clock.advance(2);
        // A worker that crashed mid-event: its claims come back once the lease is over.
        const reclaimed = await worker.inbox.claim(10, 60_000);
        expect(reclaimed.map((e) => e.id)).toEqual(ids);
        // Taking an event back counts as an attempt, and says why.
        expect(reclaimed.map((e) => e.attempts)).toEqual([1, 1, 1]);
        expect(reclaimed[0]?.lastError).toMatch(/lease ran out/);
        for (const id of ids) await worker.inbox.complete(id);
        expect(await worker.inbox.counts(shop)).toEqual({ pending: 0, processing: 0, done: 3, failed: 0 });
      });

      it('erases the payload of a completed event and keeps the row to refuse redeliveries', async () => {
        await drainInbox();
        const shop = newShop();
        await store.inbox.insert(event(shop, 'done-1', '{"phone":"+998901234567"}'));
        const [claimed] = await store.inbox.claim(1, 60_000);
        expect(claimed?.payload).toBe('{"phone":"+998901234567"}');
        await store.inbox.complete(claimed!.id);
        const redelivery = await store.inbox.insert(event(shop, 'done-1', '{"phone":"+998901234567"}'));
        expect(redelivery.inserted).toBe(false);
        expect(redelivery.event).toMatchObject({ status: 'done', payload: '' });
        expect(await store.inbox.claim(10, 60_000)).toEqual([]);
      });

      it('puts a failed attempt back at availableAt with one more attempt, and fails it after maxAttempts', async () => {
        await drainInbox();
        const clock = manualClock();
        const worker = await openStore({ now: clock.now });
        const shop = newShop();
        const { event: stored } = await worker.inbox.insert(event(shop, 'retry-1'));
        const attempt = async (n: number): Promise<InboxEvent> => {
          const [claimed] = await worker.inbox.claim(1, 60_000);
          expect(claimed).toMatchObject({ id: stored.id, attempts: n - 1 });
          return claimed!;
        };

        await attempt(1);
        expect(await worker.inbox.retryLater(stored.id, 'gateway down', clock.now() + 5_000, 3)).toBe('pending');
        expect(await worker.inbox.claim(1, 60_000)).toEqual([]);
        clock.advance(5_000);
        const second = await attempt(2);
        expect(second).toMatchObject({ lastError: 'gateway down', availableAt: clock.now() });
        expect(await worker.inbox.retryLater(stored.id, 'still down', clock.now() + 5_000, 3)).toBe('pending');
        clock.advance(5_000);
        await attempt(3);
        expect(await worker.inbox.retryLater(stored.id, 'gave up', clock.now() + 5_000, 3)).toBe('failed');
        clock.advance(DAY);
        expect(await worker.inbox.claim(1, 60_000)).toEqual([]);
        expect(await worker.inbox.counts(shop)).toEqual({ pending: 0, processing: 0, done: 0, failed: 1 });
        const failed = await worker.inbox.insert(event(shop, 'retry-1'));
        expect(failed.event).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gave up' });
      });

      it('does not let a worker whose lease ran out reopen an event another completed', async () => {
        await drainInbox();
        const shop = newShop();
        const { event: stored } = await store.inbox.insert(event(shop, 'stale-1'));
        await store.inbox.claim(1, 60_000);
        await store.inbox.complete(stored.id);
        expect(await store.inbox.retryLater(stored.id, 'late failure', Date.now(), 5)).toBe('done');
        expect(await store.inbox.counts(shop)).toEqual({ pending: 0, processing: 0, done: 1, failed: 0 });
      });

      it('never gives one event to two concurrent claimers', async () => {
        await drainInbox();
        const other = await openStore();
        const shop = newShop();
        for (let n = 0; n < 40; n++) await store.inbox.insert(event(shop, `race-${n}`));
        const seen: string[] = [];
        for (;;) {
          const batches = await Promise.all([
            store.inbox.claim(3, 60_000),
            other.inbox.claim(3, 60_000),
            store.inbox.claim(4, 60_000),
            other.inbox.claim(4, 60_000),
          ]);
          const ids = batches.flat().map((e) => e.id);
          if (ids.length === 0) break;
          seen.push(...ids);
        }
        expect(seen).toHaveLength(40);
        expect(new Set(seen).size).toBe(40);
        for (const id of seen) await store.inbox.complete(id);
      });

      it('counts every shop without a shop argument', async () => {
        const shop = newShop();
        await store.inbox.insert(event(shop, 'count-1'));
        const all = await store.inbox.counts();
        const mine = await store.inbox.counts(shop);
        expect(mine).toEqual({ pending: 1, processing: 0, done: 0, failed: 0 });
        expect(all.pending + all.processing + all.done + all.failed).toBeGreaterThan(1);
      });

      it('holds an event inserted for later until its time', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        await s.inbox.insert({ ...event(shop, 'later-1'), availableAt: clock.now() + 60_000 });
        // Other tests' events share the table: look at this shop's only.
        const mine = async () => (await s.inbox.claim(100, 1_000)).filter((e) => e.shop === shop).map((e) => e.eventId);
        expect(await mine()).toEqual([]);
        clock.advance(60_000);
        expect(await mine()).toEqual(['later-1']);
      });

      it('counts the platform’s events apart from the gateway’s (karvon/… topics)', async () => {
        const shop = newShop();
        await store.inbox.insert(event(shop, 'origin-1'));
        await store.inbox.insert({ ...event(shop, 'origin-2'), topic: 'karvon/message.delivered' });
        await store.inbox.insert({ ...event(shop, 'origin-3'), topic: 'karvon/opt_out.changed' });
        expect((await store.inbox.counts(shop, 'platform')).pending).toBe(1);
        expect((await store.inbox.counts(shop, 'karvon')).pending).toBe(2);
        expect((await store.inbox.counts(shop)).pending).toBe(3);
      });
    });

    describe('notifications', () => {
      it('creates exactly one notification per (shop, order, kind, fulfillment) under concurrent claims', async () => {
        const other = await openStore();
        const shop = newShop();
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).notifications.claim(claimInput(shop))),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const ids = new Set(results.map((r) => r.notification.id));
        expect(ids.size).toBe(1);
        const [id] = ids;
        expect(id).toMatch(/^ntf_[0-9a-z]{26}$/);
        expect(await store.notifications.get(id!)).toMatchObject({
          shop,
          orderId: 'gid://shopify/Order/1',
          kind: 'order_confirmation',
          fulfillmentId: '',
          customerId: 'gid://shopify/Customer/7',
          phone: '+998901234567',
          locale: 'en',
          status: 'pending',
          reason: null,
          orderName: '#1001',
          gatewayMessageId: null,
          gatewayStatus: null,
          segments: null,
        });
      });

      it('treats another fulfillment, kind or shop as another notification', async () => {
        const shop = newShop();
        const first = await store.notifications.claim(claimInput(shop, { kind: 'shipping', fulfillmentId: 'f-1' }));
        const variants = await Promise.all([
          store.notifications.claim(claimInput(shop, { kind: 'shipping', fulfillmentId: 'f-2' })),
          store.notifications.claim(claimInput(shop, { kind: 'cancellation' })),
          store.notifications.claim(claimInput(newShop(), { kind: 'shipping', fulfillmentId: 'f-1' })),
        ]);
        expect(first.created).toBe(true);
        expect(variants.every((v) => v.created)).toBe(true);
        expect(new Set([first, ...variants].map((v) => v.notification.id)).size).toBe(4);
      });

      it('records the outcome and follows the gateway status by message id', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        const { notification } = await s.notifications.claim(claimInput(shop));
        clock.advance(10);
        await s.notifications.markSent(notification.id, {
          gatewayMessageId: `msg_${run}_1`,
          gatewayStatus: 'queued',
          segments: 2,
        });
        expect(await s.notifications.get(notification.id)).toMatchObject({
          status: 'sent',
          gatewayMessageId: `msg_${run}_1`,
          gatewayStatus: 'queued',
          segments: 2,
          createdAt: notification.createdAt,
          updatedAt: notification.createdAt + 10,
        });
        await s.notifications.updateGatewayStatus(`msg_${run}_1`, 'failed', 'carrier_rejected: number barred');
        await s.notifications.updateGatewayStatus(`msg_${run}_1`, 'failed');
        expect(await s.notifications.get(notification.id)).toMatchObject({
          status: 'sent',
          gatewayStatus: 'failed',
          reason: 'carrier_rejected: number barred',
        });
        await expect(s.notifications.updateGatewayStatus(`msg_${run}_unknown`, 'delivered')).resolves.toBeUndefined();

        const skipped = await s.notifications.claim(claimInput(shop, { kind: 'cancellation' }));
        await s.notifications.markSkipped(skipped.notification.id, 'Cancellation SMS are turned off');
        const failed = await s.notifications.claim(claimInput(shop, { kind: 'shipping', fulfillmentId: 'f' }));
        await s.notifications.markFailed(failed.notification.id, 'The gateway refused the key');
        expect(await s.notifications.get(skipped.notification.id)).toMatchObject({
          status: 'skipped',
          reason: 'Cancellation SMS are turned off',
        });
        expect(await s.notifications.get(failed.notification.id)).toMatchObject({
          status: 'failed',
          reason: 'The gateway refused the key',
        });
        expect(await s.notifications.get('ntf_missing')).toBeNull();
      });

      it('lists the notifications of one order oldest first', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        const made: string[] = [];
        for (const [kind, fulfillmentId] of [
          ['order_confirmation', ''],
          ['shipping', 'f-1'],
          ['shipping', 'f-2'],
        ] as const) {
          made.push((await s.notifications.claim(claimInput(shop, { kind, fulfillmentId }))).notification.id);
          clock.advance(1);
        }
        await s.notifications.claim(claimInput(shop, { orderId: 'gid://shopify/Order/2' }));
        const listed = await s.notifications.listByOrder(shop, 'gid://shopify/Order/1');
        expect(listed.map((n) => n.id)).toEqual(made);
      });

      it('pages newest first with a createdAt|id cursor, rows of one millisecond included', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        // Two per millisecond: the id breaks the tie, so no row is skipped or repeated between pages.
        for (let n = 0; n < 7; n++) {
          await s.notifications.claim(claimInput(shop, { orderId: `gid://shopify/Order/${n}` }));
          if (n % 2) clock.advance(1);
        }
        await s.notifications.claim(claimInput(newShop()));
        const pages = [];
        let before: string | undefined;
        do {
          const page = await s.notifications.list(shop, { limit: 3, ...(before ? { before } : {}) });
          pages.push(page.items);
          before = page.next ?? undefined;
        } while (before);
        expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
        const listed = pages.flat();
        expect(new Set(listed.map((n) => n.orderId)).size).toBe(7);
        const sorted = [...listed].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
        expect(listed).toEqual(sorted);
        expect(listed[0]?.orderId).toBe('gid://shopify/Order/6');

        const exact = await s.notifications.list(shop, { limit: 7 });
        expect(exact.items).toHaveLength(7);
        expect(exact.next).toBeNull();
        await expect(s.notifications.list(shop, { limit: 3, before: 'yesterday' })).rejects.toThrow(/cursor/);
      });
    });

    describe('consent', () => {
      it('stores the last consent per customer and finds customers by phone', async () => {
        const shop = newShop();
        const put = await store.consent.put({
          shop,
          customerId: 'c-1',
          phone: '+998901111111',
          state: 'subscribed',
          source: 'shopify',
        });
        expect(put).toMatchObject({
          shop,
          customerId: 'c-1',
          phone: '+998901111111',
          state: 'subscribed',
          source: 'shopify',
        });
        expect(put.updatedAt).toEqual(expect.any(Number));
        await store.consent.put({
          shop,
          customerId: 'c-1',
          phone: '+998901111111',
          state: 'unsubscribed',
          source: 'karvon',
        });
        await store.consent.put({
          shop,
          customerId: 'c-2',
          phone: '+998901111111',
          state: 'pending',
          source: 'shopify',
        });
        await store.consent.put({
          shop: newShop(),
          customerId: 'c-3',
          phone: '+998901111111',
          state: 'subscribed',
          source: 'shopify',
        });

        expect(await store.consent.get(shop, 'c-1')).toMatchObject({ state: 'unsubscribed', source: 'karvon' });
        expect(await store.consent.get(shop, 'c-9')).toBeNull();
        const found = await store.consent.findByPhone(shop, '+998901111111');
        expect(found.map((r) => r.customerId).sort()).toEqual(['c-1', 'c-2']);
        expect(await store.consent.findByPhone(shop, '+998909999999')).toEqual([]);
      });
    });

    describe('usage', () => {
      it('records one usage charge per notification, however often it is asked', async () => {
        const shop = newShop();
        const first = await store.usage.record({
          shop,
          notificationId: `ntf_${run}_u1`,
          amount: '0.05',
          currency: 'USD',
        });
        const again = await store.usage.record({
          shop,
          notificationId: `ntf_${run}_u1`,
          amount: '9.99',
          currency: 'USD',
        });
        expect(again).toEqual(first);
        expect(first).toMatchObject({ amount: '0.05', status: 'pending', shopifyUsageRecordId: null, error: null });
        await store.usage.record({ shop, notificationId: `ntf_${run}_u2`, amount: '0.05', currency: 'USD' });

        await store.usage.markCharged(`ntf_${run}_u1`, 'gid://shopify/AppUsageRecord/1');
        // A late failure report does not undo a charge Shopify accepted.
        await store.usage.markFailed(`ntf_${run}_u1`, 'timeout');
        await store.usage.markFailed(`ntf_${run}_u2`, 'capped amount reached');
        const list = await store.usage.list(shop);
        expect(list.map((u) => [u.notificationId, u.status, u.shopifyUsageRecordId, u.error])).toEqual([
          [`ntf_${run}_u1`, 'charged', 'gid://shopify/AppUsageRecord/1', null],
          [`ntf_${run}_u2`, 'failed', null, 'capped amount reached'],
        ]);
        expect(await store.usage.list(newShop())).toEqual([]);
      });
    });

    describe('settings and templates', () => {
      it('answers the defaults until settings are saved', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        expect(await s.settings.get(shop)).toEqual({
          shop,
          enabled: { order_confirmation: true, shipping: true, cancellation: true, abandoned_checkout: false },
          defaultLocale: 'en',
          shopName: shop,
          updatedAt: 0,
        });
        const saved = await s.settings.put({
          shop,
          enabled: { order_confirmation: true, shipping: false, cancellation: true, abandoned_checkout: true },
          defaultLocale: 'uz',
          shopName: 'Toshkent Tea',
        });
        expect(saved.updatedAt).toBe(clock.now());
        expect(await s.settings.get(shop)).toEqual(saved);
        clock.advance(5);
        await s.settings.put({ ...saved, shopName: 'Tashkent Tea' });
        expect(await s.settings.get(shop)).toMatchObject({ shopName: 'Tashkent Tea', updatedAt: clock.now() });
      });

      it("keeps only the merchant's edited templates, one per kind and locale", async () => {
        const shop = newShop();
        await store.settings.putTemplate({
          shop,
          kind: 'shipping',
          locale: 'ru',
          body: 'Заказ {order_name} отправлен',
        });
        await store.settings.putTemplate({ shop, kind: 'order_confirmation', locale: 'en', body: 'v1' });
        await store.settings.putTemplate({ shop, kind: 'order_confirmation', locale: 'en', body: 'v2' });
        await store.settings.putTemplate({ shop: newShop(), kind: 'shipping', locale: 'uz', body: 'other shop' });
        const list = await store.settings.listTemplates(shop);
        expect(list.map((t) => [t.kind, t.locale, t.body])).toEqual([
          ['order_confirmation', 'en', 'v2'],
          ['shipping', 'ru', 'Заказ {order_name} отправлен'],
        ]);
        expect(await store.settings.deleteTemplate(shop, 'shipping', 'ru')).toBe(true);
        expect(await store.settings.deleteTemplate(shop, 'shipping', 'ru')).toBe(false);
        expect((await store.settings.listTemplates(shop)).map((t) => t.kind)).toEqual(['order_confirmation']);
      });
    });

    describe('connections', () => {
      it('stores one connection per shop, found by shop or by connection id', async () => {
        const clock = manualClock();
        const s = await openStore({ now: clock.now });
        const shop = newShop();
        const input = {
          shop,
          connectionId: `con_${run}_a`,
          karvonBaseUrl: 'http://127.0.0.1:8080',
          karvonApiKey: 'kv_test_restricted',
          senderId: 'TeaShop',
          webhookEndpointId: null,
          webhookSecret: null,
        };
        const created = await s.connections.upsert(input);
        expect(created).toEqual({ ...input, createdAt: clock.now(), updatedAt: clock.now() });
        clock.advance(100);
        const updated = await s.connections.upsert({ ...input, webhookEndpointId: 'we_1', webhookSecret: 'whsec_x' });
        expect(updated).toMatchObject({
          webhookEndpointId: 'we_1',
          createdAt: created.createdAt,
          updatedAt: clock.now(),
        });
        expect(await s.connections.get(shop)).toEqual(updated);
        expect(await s.connections.getById(`con_${run}_a`)).toEqual(updated);
        expect(await s.connections.getById(`con_${run}_missing`)).toBeNull();

        // A connection id names one shop only.
        await expect(s.connections.upsert({ ...input, shop: newShop() })).rejects.toThrow();
        expect(await s.connections.delete(shop)).toBe(true);
        expect(await s.connections.delete(shop)).toBe(false);
        expect(await s.connections.get(shop)).toBeNull();
      });
    });

    describe('compliance', () => {
      async function seedCustomer(shop: string) {
        const n = store.notifications;
        const byCustomer = await n.claim(
          claimInput(shop, { orderId: 'o-1', customerId: 'c-1', phone: '+998901000001' }),
        );
        const byPhone = await n.claim(claimInput(shop, { orderId: 'o-2', customerId: null, phone: '+998901000002' }));
        const byOrder = await n.claim(claimInput(shop, { orderId: 'o-3', customerId: null, phone: null }));
        const unrelated = await n.claim(
          claimInput(shop, { orderId: 'o-4', customerId: 'c-2', phone: '+998901000004' }),
        );
        await store.consent.put({
          shop,
          customerId: 'c-1',
          phone: '+998901000001',
          state: 'subscribed',
          source: 'shopify',
        });
        await store.consent.put({
          shop,
          customerId: 'c-9',
          phone: '+998901000002',
          state: 'pending',
          source: 'shopify',
        });
        await store.consent.put({
          shop,
          customerId: 'c-2',
          phone: '+998901000004',
          state: 'subscribed',
          source: 'shopify',
        });
        return { byCustomer, byPhone, byOrder, unrelated };
      }
      const request = (shop: string) => ({ shop, customerId: 'c-1', phones: ['+998901000002'], orderIds: ['o-3'] });

      it("exports the customer's notifications and consent by id, phone and order", async () => {
        const shop = newShop();
        const other = newShop();
        const seeded = await seedCustomer(shop);
        await seedCustomer(other);
        const exported = await store.compliance.exportCustomer(request(shop));
        expect(exported.shop).toBe(shop);
        expect(exported.customerId).toBe('c-1');
        expect(exported.notifications.map((x) => x.id).sort()).toEqual(
          [seeded.byCustomer, seeded.byPhone, seeded.byOrder].map((x) => x.notification.id).sort(),
        );
        expect(exported.consent.map((c) => c.customerId).sort()).toEqual(['c-1', 'c-9']);
        expect(exported.phones).toEqual(['+998901000001', '+998901000002']);
        expect(exported.notifications.every((x) => x.shop === shop)).toBe(true);
      });

      it("redacts the customer's rows and answers their phones, other customers and shops untouched", async () => {
        const shop = newShop();
        const other = newShop();
        const seeded = await seedCustomer(shop);
        await seedCustomer(other);
        const redacted = await store.compliance.redactCustomer(request(shop));
        expect(redacted).toEqual({ phones: ['+998901000001', '+998901000002'], deleted: 5 });
        expect(await store.notifications.get(seeded.byCustomer.notification.id)).toBeNull();
        expect(await store.notifications.get(seeded.byOrder.notification.id)).toBeNull();
        expect(await store.notifications.get(seeded.unrelated.notification.id)).not.toBeNull();
        expect(await store.consent.get(shop, 'c-1')).toBeNull();
        expect(await store.consent.get(shop, 'c-2')).not.toBeNull();
        expect((await store.compliance.exportCustomer(request(other))).notifications).toHaveLength(3);
        expect(await store.compliance.redactCustomer(request(shop))).toEqual({ phones: [], deleted: 0 });
      });

      it('erases every row of a shop and answers the phones it held, other shops untouched', async () => {
        const shop = newShop();
        const other = newShop();
        for (const s of [shop, other]) {
          await seedCustomer(s);
          await store.sessions.storeSession(new Session({ id: `offline_${s}`, shop: s, state: '', isOnline: false }));
          await store.sessions.storeSession(new Session({ id: `${s}_1`, shop: s, state: '', isOnline: true }));
          await store.connections.upsert({
            shop: s,
            connectionId: `con_${s}`,
            karvonBaseUrl: 'http://127.0.0.1:1',
            karvonApiKey: 'kv_test',
            senderId: 'S',
            webhookEndpointId: null,
            webhookSecret: null,
          });
          await store.settings.put({
            shop: s,
            enabled: { order_confirmation: false, shipping: true, cancellation: true, abandoned_checkout: false },
            defaultLocale: 'ru',
            shopName: s,
          });
          await store.settings.putTemplate({ shop: s, kind: 'shipping', locale: 'en', body: 'b' });
          await store.inbox.insert(event(s, 'redact-1'));
          await store.usage.record({ shop: s, notificationId: `ntf_${s}`, amount: '0.05', currency: 'USD' });
        }
        const phones = ['+998901000001', '+998901000002', '+998901000004'];
        expect(await store.compliance.phonesOfShop(shop)).toEqual(phones);

        // 4 notifications, 3 consent, 2 sessions, and one each of connection, settings, template, event, usage.
        expect(await store.compliance.redactShop(shop)).toEqual({ phones, deleted: 14 });
        expect(await store.compliance.phonesOfShop(shop)).toEqual([]);
        expect(await store.sessions.findSessionsByShop(shop)).toEqual([]);
        expect(await store.connections.get(shop)).toBeNull();
        expect((await store.settings.get(shop)).updatedAt).toBe(0);
        expect(await store.settings.listTemplates(shop)).toEqual([]);
        expect(await store.inbox.counts(shop)).toEqual({ pending: 0, processing: 0, done: 0, failed: 0 });
        expect(await store.usage.list(shop)).toEqual([]);
        expect(await store.notifications.list(shop, { limit: 10 })).toEqual({ items: [], next: null });
        expect(await store.consent.findByPhone(shop, '+998901000001')).toEqual([]);

        expect(await store.compliance.phonesOfShop(other)).toEqual(phones);
        expect(await store.sessions.findSessionsByShop(other)).toHaveLength(2);
        expect(await store.connections.get(other)).not.toBeNull();
        expect(await store.settings.listTemplates(other)).toHaveLength(1);
        expect((await store.inbox.counts(other)).pending).toBe(1);
        expect(await store.usage.list(other)).toHaveLength(1);
        expect(await store.compliance.redactShop(shop)).toEqual({ phones: [], deleted: 0 });
      });
    });

    describe('withLock', () => {
      it('runs work on one name one at a time across two store instances', async () => {
        const other = await openStore();
        const lock = `refresh:${newShop()}`;
        let inside = 0;
        let most = 0;
        const order: number[] = [];
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 ? other : store).withLock(lock, async () => {
              inside += 1;
              most = Math.max(most, inside);
              await sleep(15);
              order.push(i);
              inside -= 1;
              return i;
            }),
          ),
        );
        expect(results).toEqual([0, 1, 2, 3, 4, 5]);
        expect(most).toBe(1);
        expect(order).toHaveLength(6);
      });

      it('does not hold other names while one is held', async () => {
        const shop = newShop();
        let release!: () => void;
        const held = store.withLock(`a:${shop}`, () => new Promise<void>((resolve) => (release = resolve)));
        await sleep(20);
        await expect(store.withLock(`b:${shop}`, async () => 'free')).resolves.toBe('free');
        release();
        await held;
      });

      it('releases the lock when the work throws', async () => {
        const lock = `throws:${newShop()}`;
        await expect(
          store.withLock(lock, async () => {
            throw new Error('refresh failed');
          }),
        ).rejects.toThrow('refresh failed');
        const started = Date.now();
        await expect(store.withLock(lock, async () => 'next')).resolves.toBe('next');
        expect(Date.now() - started).toBeLessThan(1_000);
      });
    });
  });
}
