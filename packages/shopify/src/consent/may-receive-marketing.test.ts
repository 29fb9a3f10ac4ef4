import { afterAll, describe, expect, it } from 'vitest';
import { closeTestStores, openTestStore } from '../platform-client/test-support/platform-harness';
import type { MarketingConsentState } from '../storage/shopify-store';
import { mayReceiveMarketing } from './may-receive-marketing';

afterAll(closeTestStores);

const SHOP = 'karvon-test.myshopify.com';

describe('mayReceiveMarketing', () => {
  it.each<[MarketingConsentState, boolean]>([
    ['subscribed', true],
    ['not_subscribed', false],
    ['unsubscribed', false],
    ['pending', false],
    ['redacted', false],
    ['invalid', false],
  ])('%s → %s', async (state, expected) => {
    const store = await openTestStore();
    await store.consent.put({ shop: SHOP, customerId: '1', phone: '+998901234567', state, source: 'shopify' });
    expect(await mayReceiveMarketing(store, SHOP, '1')).toBe(expected);
  });

  it('says no for a customer the app has never seen', async () => {
    const store = await openTestStore();
    expect(await mayReceiveMarketing(store, SHOP, '404')).toBe(false);
  });

  it('does not mix up shops', async () => {
    const store = await openTestStore();
    await store.consent.put({ shop: SHOP, customerId: '1', phone: null, state: 'subscribed', source: 'shopify' });
    expect(await mayReceiveMarketing(store, 'other.myshopify.com', '1')).toBe(false);
  });
});
