import { afterAll, describe, expect, it } from 'vitest';
import { closeTestStores, openTestStore } from '../platform-client/test-support/platform-harness';
import { recordShopifyConsent } from './record-shopify-consent';

afterAll(closeTestStores);

const SHOP = 'karvon-test.myshopify.com';

// customers_marketing_consent/update, shaped as the example payload at
// https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-customers_marketing_consent-update
// (customer_id, phone_number, sms_marketing_consent {state, opt_in_level, consent_updated_at,
// consent_collected_from}); values are ours.
const rawPayload = `{
  "customer_id": 706405506930370084,
  "phone_number": "+998901234567",
  "sms_marketing_consent": {
    "state": "subscribed",
    "opt_in_level": "single_opt_in",
    "consent_updated_at": "2026-11-20T10:00:00+05:00",
    "consent_collected_from": "SHOPIFY"
  }
}`;

describe('recordShopifyConsent', () => {
  it('stores the customer’s SMS marketing consent with source shopify', async () => {
    const store = await openTestStore();
    const { record, previous, changed } = await recordShopifyConsent(store, SHOP, rawPayload);

    expect(previous).toBeNull();
    expect(changed).toBe(true);
    expect(record).toMatchObject({ shop: SHOP, phone: '+998901234567', state: 'subscribed', source: 'shopify' });
    expect(await store.consent.get(SHOP, record.customerId)).toMatchObject({ state: 'subscribed' });
    expect(await store.consent.findByPhone(SHOP, '+998901234567')).toHaveLength(1);
  });

  it('keeps 64-bit customer ids exact when given the raw body', async () => {
    const store = await openTestStore();
    const { record } = await recordShopifyConsent(store, SHOP, rawPayload);
    // JSON.parse alone would give 706405506930370000.
    expect(record.customerId).toBe('706405506930370084');
  });

  it('reports no change when Shopify echoes a state already stored', async () => {
    const store = await openTestStore();
    await store.consent.put({
      shop: SHOP,
      customerId: '706405506930370084',
      phone: '+998901234567',
      state: 'subscribed',
      source: 'karvon',
    });
    const { changed, previous } = await recordShopifyConsent(store, SHOP, rawPayload);
    expect(changed).toBe(false);
    expect(previous?.source).toBe('karvon');
  });

  it('reads a parsed payload too, and a null state as not subscribed', async () => {
    const store = await openTestStore();
    const { record } = await recordShopifyConsent(store, SHOP, {
      customer_id: 207119551,
      phone_number: '+998 90 765 43 21',
      sms_marketing_consent: {
        state: null,
        opt_in_level: null,
        consent_updated_at: null,
        consent_collected_from: 'OTHER',
      },
    });
    expect(record).toMatchObject({ customerId: '207119551', phone: '+998907654321', state: 'not_subscribed' });
  });

  it('records an unsubscribe', async () => {
    const store = await openTestStore();
    await recordShopifyConsent(store, SHOP, rawPayload);
    const { record, changed } = await recordShopifyConsent(
      store,
      SHOP,
      rawPayload.replace('"subscribed"', '"unsubscribed"'),
    );
    expect(changed).toBe(true);
    expect(record.state).toBe('unsubscribed');
  });

  it('refuses a body that is not the documented shape', async () => {
    const store = await openTestStore();
    await expect(recordShopifyConsent(store, SHOP, '{"phone_number":"+998901234567"}')).rejects.toThrow(
      /not in the documented shape/,
    );
    await expect(recordShopifyConsent(store, SHOP, 'not json')).rejects.toThrow(/not in the documented shape/);
  });
});
