import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_USAGE_RECORD_CREATE_MUTATION } from '../platform-client/operations/app-usage-record-create';
import { closeTestStores, startPlatformHarness, TEST_SHOP } from '../platform-client/test-support/platform-harness';
import { chargeForSms } from './charge-for-sms';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

const shopifyBilling = {
  billing: { mode: 'shopify' as const, pricePerSegment: '0.05', currency: 'USD', cappedAmount: '1.00' },
};

describe('chargeForSms', () => {
  it('charges nothing through Shopify when the merchant pays with the Karvon balance', async () => {
    const h = await startPlatformHarness(server, { config: { billing: { mode: 'karvon' } } });
    await h.install();
    const result = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 2 });

    expect(result).toEqual({ billedBy: 'karvon' });
    expect(h.fakeShop.requests).toHaveLength(0);
    expect(await h.store.usage.list(TEST_SHOP)).toEqual([]);
  });

  it('creates one usage record of price × segments keyed by the notification id', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    h.fakeShop.addActiveUsageSubscription({ cappedAmount: { amount: '1.00', currencyCode: 'USD' } });

    const result = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 3 });

    expect(result).toMatchObject({
      billedBy: 'shopify',
      status: 'charged',
      amount: '0.15',
      currency: 'USD',
      alreadyCharged: false,
    });
    expect(h.fakeShop.usageRecords).toHaveLength(1);
    expect(h.fakeShop.usageRecords[0]).toMatchObject({
      idempotencyKey: 'ntf_1',
      price: { amount: '0.15', currencyCode: 'USD' },
      description: 'SMS notification, 3 segments',
    });
    const [row] = await h.store.usage.list(TEST_SHOP);
    expect(row).toMatchObject({ notificationId: 'ntf_1', status: 'charged', amount: '0.15' });
    expect(row?.shopifyUsageRecordId).toBe(h.fakeShop.usageRecords[0]?.id);
  });

  it('does not ask Shopify again for a notification already charged', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    h.fakeShop.addActiveUsageSubscription();
    const first = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 1 });
    const again = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 1 });

    expect(first).toMatchObject({ status: 'charged', alreadyCharged: false });
    expect(again).toEqual({ ...first, alreadyCharged: true });
    expect(h.fakeShop.count('graphql', 'AppUsageRecordCreate')).toBe(1);
  });

  it('after a crash between Shopify’s charge and ours, charges again with the same key and Shopify charges once', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    const subscription = h.fakeShop.addActiveUsageSubscription();
    // The first attempt got as far as Shopify, then the process died: the row is still pending.
    await h.store.usage.record({ shop: TEST_SHOP, notificationId: 'ntf_1', amount: '0.05', currency: 'USD' });
    const charged = await h.graphql(APP_USAGE_RECORD_CREATE_MUTATION, {
      subscriptionLineItemId: subscription.lineItems[0]!.id,
      price: { amount: '0.05', currencyCode: 'USD' },
      description: 'SMS notification, 1 segment',
      idempotencyKey: 'ntf_1',
    });

    const retried = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 1 });

    expect(retried).toMatchObject({
      status: 'charged',
      alreadyCharged: false,
      usageRecordId: charged.appUsageRecordCreate?.appUsageRecord?.id,
    });
    expect(h.fakeShop.usageRecords).toHaveLength(1);
    expect(h.fakeShop.usageRecords[0]?.idempotencyKey).toBe('ntf_1');
    expect((await h.store.usage.list(TEST_SHOP))[0]).toMatchObject({ status: 'charged' });
  });

  it('fails, and marks the row, when the merchant has not approved a usage subscription', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    const result = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 1 });

    expect(result).toMatchObject({
      billedBy: 'shopify',
      status: 'failed',
      reason: expect.stringMatching(/not approved/),
    });
    expect(h.fakeShop.count('graphql', 'AppUsageRecordCreate')).toBe(0);
    expect((await h.store.usage.list(TEST_SHOP))[0]).toMatchObject({ status: 'failed' });
  });

  it('fails with Shopify’s words when the capped amount is reached', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    h.fakeShop.addActiveUsageSubscription({ cappedAmount: { amount: '0.10', currencyCode: 'USD' } });
    await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 2 });
    const result = await chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_2', segments: 1 });

    expect(result).toMatchObject({ status: 'failed', reason: 'Total price exceeds balance remaining' });
    expect(h.fakeShop.usageRecords).toHaveLength(1);
  });

  it('marks the row failed and rethrows when Shopify cannot be reached in time', async () => {
    const h = await startPlatformHarness(server, {
      config: shopifyBilling,
      shop: { throttle: { maximumAvailable: 100, restoreRate: 0, currentlyAvailable: 0 } },
      maxThrottleRetries: 0,
    });
    await h.install();
    await expect(chargeForSms({ ...h, shop: TEST_SHOP, notificationId: 'ntf_1', segments: 1 })).rejects.toMatchObject({
      code: 'throttled',
    });
    expect((await h.store.usage.list(TEST_SHOP))[0]).toMatchObject({ status: 'failed' });
  });
});
