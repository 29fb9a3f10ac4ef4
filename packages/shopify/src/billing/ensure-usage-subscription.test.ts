import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStores, startPlatformHarness, TEST_SHOP } from '../platform-client/test-support/platform-harness';
import { ensureUsageSubscription } from './ensure-usage-subscription';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

const shopifyBilling = {
  billing: {
    mode: 'shopify' as const,
    planName: 'Karvon SMS',
    pricePerSegment: '0.05',
    currency: 'USD',
    cappedAmount: '50.00',
    test: true,
  },
};
const returnUrl = 'https://app.karvon.example/admin';

describe('ensureUsageSubscription', () => {
  it('needs nothing when the merchant pays with the Karvon balance', async () => {
    const h = await startPlatformHarness(server, { config: { billing: { mode: 'karvon' } } });
    await h.install();
    expect(await ensureUsageSubscription({ ...h, shop: TEST_SHOP, returnUrl })).toEqual({
      active: true,
      billedBy: 'karvon',
    });
    expect(h.fakeShop.requests).toHaveLength(0);
  });

  it('creates a capped usage subscription and answers its confirmation URL', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    const state = await ensureUsageSubscription({ ...h, shop: TEST_SHOP, returnUrl });

    expect(state).toMatchObject({ active: false, billedBy: 'shopify' });
    expect(state.active === false && state.confirmationUrl).toMatch(
      new RegExp(`^https://${TEST_SHOP}/admin/charges/\\d+/confirm_recurring_application_charge`),
    );
    expect(h.fakeShop.subscriptions).toHaveLength(1);
    expect(h.fakeShop.subscriptions[0]).toMatchObject({
      name: 'Karvon SMS',
      status: 'PENDING',
      test: true,
      returnUrl,
      lineItems: [{ terms: '0.05 USD per SMS segment', cappedAmount: { amount: '50.00', currencyCode: 'USD' } }],
    });
  });

  it('answers active with the usage line item once the merchant approved', async () => {
    const h = await startPlatformHarness(server, { config: shopifyBilling });
    await h.install();
    const pending = await ensureUsageSubscription({ ...h, shop: TEST_SHOP, returnUrl });
    h.fakeShop.approveSubscription(pending.active === false ? pending.subscriptionId : '');

    const state = await ensureUsageSubscription({ ...h, shop: TEST_SHOP, returnUrl });

    expect(state).toEqual({
      active: true,
      billedBy: 'shopify',
      subscriptionId: h.fakeShop.subscriptions[0]!.id,
      lineItemId: h.fakeShop.subscriptions[0]!.lineItems[0]!.id,
    });
    expect(h.fakeShop.count('graphql', 'AppSubscriptionCreate')).toBe(1);
  });
});
