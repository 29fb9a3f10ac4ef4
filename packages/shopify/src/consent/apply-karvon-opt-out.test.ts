import type { FakeCustomer } from '@karvon/test-utils';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestStores, startPlatformHarness, TEST_SHOP } from '../platform-client/test-support/platform-harness';
import { applyKarvonOptOut, type OptOutSyncResult } from './apply-karvon-opt-out';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

const PHONE = '+998901234567';

/** Results in customer id order: a number's customers come back in no particular order. */
const byCustomer = (results: OptOutSyncResult[]) =>
  [...results].sort((a, b) => String(a.customerId).localeCompare(String(b.customerId)));

function consent(marketingState: NonNullable<FakeCustomer['smsMarketingConsent']>['marketingState']) {
  return {
    marketingState,
    marketingOptInLevel: 'SINGLE_OPT_IN' as const,
    consentUpdatedAt: '2026-11-20T05:00:00Z',
    consentCollectedFrom: 'SHOPIFY' as const,
  };
}

async function setup(customers: (Partial<FakeCustomer> & { id: string })[], stored = true) {
  const h = await startPlatformHarness(server);
  await h.install();
  for (const customer of customers) {
    h.fakeShop.addCustomer(customer);
    if (stored) {
      const state = (customer.smsMarketingConsent?.marketingState ?? 'NOT_SUBSCRIBED').toLowerCase() as 'subscribed';
      await h.store.consent.put({
        shop: TEST_SHOP,
        customerId: customer.id,
        phone: customer.phone ?? null,
        state,
        source: 'shopify',
      });
    }
  }
  const mutations = () => h.fakeShop.count('graphql', 'CustomerSmsMarketingConsentUpdate');
  return { h, mutations };
}

describe('applyKarvonOptOut', () => {
  it('unsubscribes a subscribed customer in Shopify with one mutation after a STOP', async () => {
    const { h, mutations } = await setup([
      { id: '207119551', phone: PHONE, smsMarketingConsent: consent('SUBSCRIBED') },
    ]);

    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
      changedAt: '2026-11-21T09:30:00Z',
    });

    expect(results).toEqual([{ customerId: '207119551', outcome: 'updated', state: 'unsubscribed' }]);
    expect(mutations()).toBe(1);
    expect(h.fakeShop.customers.get('207119551')?.smsMarketingConsent).toMatchObject({
      marketingState: 'UNSUBSCRIBED',
      consentUpdatedAt: '2026-11-21T09:30:00Z',
    });
    expect(await h.store.consent.get(TEST_SHOP, '207119551')).toMatchObject({
      state: 'unsubscribed',
      source: 'karvon',
    });
  });

  it('writes nothing for a customer who is already unsubscribed', async () => {
    const { h, mutations } = await setup([
      { id: '207119551', phone: PHONE, smsMarketingConsent: consent('UNSUBSCRIBED') },
    ]);

    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });

    expect(results).toEqual([{ customerId: '207119551', outcome: 'skipped_already_matching', state: 'unsubscribed' }]);
    expect(mutations()).toBe(0);
  });

  it('reads Shopify’s current state rather than trusting a stale stored row', async () => {
    const { h, mutations } = await setup([
      { id: '207119551', phone: PHONE, smsMarketingConsent: consent('UNSUBSCRIBED') },
    ]);
    await h.store.consent.put({
      shop: TEST_SHOP,
      customerId: '207119551',
      phone: PHONE,
      state: 'subscribed',
      source: 'shopify',
    });

    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });

    expect(results[0]?.outcome).toBe('skipped_already_matching');
    expect(mutations()).toBe(0);
    expect((await h.store.consent.get(TEST_SHOP, '207119551'))?.state).toBe('unsubscribed');
  });

  it('finds customers through the customers query when the app has no consent row for the number', async () => {
    const { h, mutations } = await setup(
      [
        { id: '1', phone: PHONE, smsMarketingConsent: consent('SUBSCRIBED') },
        { id: '2', phone: PHONE, smsMarketingConsent: consent('UNSUBSCRIBED') },
        { id: '3', phone: '+998907654321', smsMarketingConsent: consent('SUBSCRIBED') },
      ],
      false,
    );

    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });

    expect(byCustomer(results)).toEqual([
      { customerId: '1', outcome: 'updated', state: 'unsubscribed' },
      { customerId: '2', outcome: 'skipped_already_matching', state: 'unsubscribed' },
    ]);
    expect(mutations()).toBe(1);
    expect(h.fakeShop.customers.get('3')?.smsMarketingConsent?.marketingState).toBe('SUBSCRIBED');
  });

  it('re-subscribes after a START and skips when already subscribed', async () => {
    const { h, mutations } = await setup([
      { id: '1', phone: PHONE, smsMarketingConsent: consent('UNSUBSCRIBED') },
      { id: '2', phone: PHONE, smsMarketingConsent: consent('SUBSCRIBED') },
    ]);

    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: false,
    });

    expect(byCustomer(results)).toEqual([
      { customerId: '1', outcome: 'updated', state: 'subscribed' },
      { customerId: '2', outcome: 'skipped_already_matching', state: 'subscribed' },
    ]);
    expect(mutations()).toBe(1);
    expect(h.fakeShop.customers.get('1')?.smsMarketingConsent?.marketingOptInLevel).toBe('SINGLE_OPT_IN');
  });

  it('says not_found, and writes nothing, for a number no customer has', async () => {
    const { h, mutations } = await setup([], false);
    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });
    expect(results).toEqual([{ customerId: null, outcome: 'not_found' }]);
    expect(mutations()).toBe(0);
  });

  it('never touches a redacted customer', async () => {
    const { h, mutations } = await setup([{ id: '1', phone: PHONE, smsMarketingConsent: consent('REDACTED') }]);
    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });
    expect(results).toEqual([{ customerId: '1', outcome: 'skipped_redacted' }]);
    expect(mutations()).toBe(0);
  });

  it('reports a stored customer Shopify no longer has as not_found', async () => {
    const { h } = await setup([{ id: '1', phone: PHONE, smsMarketingConsent: consent('SUBSCRIBED') }]);
    h.fakeShop.customers.delete('1');
    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });
    expect(results).toEqual([{ customerId: '1', outcome: 'not_found' }]);
  });

  it('reports Shopify’s userErrors as rejected', async () => {
    const { h } = await setup([{ id: '1', phone: PHONE, smsMarketingConsent: consent('SUBSCRIBED') }]);
    h.fakeShop.customers.get('1')!.phone = null; // Shopify refuses SMS consent for a customer without a phone
    const results = await applyKarvonOptOut({
      store: h.store,
      graphql: h.graphql,
      shop: TEST_SHOP,
      phone: PHONE,
      optedOut: true,
    });
    expect(results).toEqual([{ customerId: '1', outcome: 'rejected', errors: ['INVALID'] }]);
    expect((await h.store.consent.get(TEST_SHOP, '1'))?.state).toBe('subscribed');
  });
});
