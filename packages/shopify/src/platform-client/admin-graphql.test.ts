import { createFakeShop } from '@karvon/test-utils';
import { Session } from '@shopify/shopify-api';
import { HttpResponse, graphql as mswGraphql } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';
import { createAdminGraphql } from './admin-graphql';
import { CUSTOMERS_BY_PHONE_QUERY, customersByPhoneQuery } from './operations/customers-by-phone';
import { SHOP_INFO_QUERY } from './operations/shop-info';
import {
  closeTestStores,
  rejection,
  startPlatformHarness,
  TEST_API_KEY,
  TEST_API_SECRET,
  TEST_SHOP,
} from './test-support/platform-harness';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

describe('adminGraphql', () => {
  it('runs an operation as the shop and answers its data', async () => {
    const h = await startPlatformHarness(server, { shop: { shopName: 'Karvon Demo', currencyCode: 'UZS' } });
    await h.install();
    const data = await h.graphql(SHOP_INFO_QUERY);
    expect(data.shop).toEqual({
      name: 'Karvon Demo',
      currencyCode: 'UZS',
      myshopifyDomain: TEST_SHOP,
      contactEmail: `owner@${TEST_SHOP}`,
    });
    expect(h.clock.sleeps).toEqual([]);
  });

  it('waits (requestedQueryCost − currentlyAvailable) / restoreRate after THROTTLED, then succeeds', async () => {
    const h = await startPlatformHarness(server, {
      shop: {
        throttle: { maximumAvailable: 1000, restoreRate: 50, currentlyAvailable: 2 },
        costs: { CustomersByPhone: 12 },
      },
    });
    await h.install();
    h.fakeShop.addCustomer({ id: '207119551', phone: '+998901234567' });

    const data = await h.graphql(CUSTOMERS_BY_PHONE_QUERY, {
      query: customersByPhoneQuery('+998901234567'),
      first: 10,
    });

    expect(data.customers.nodes.map((node) => node.id)).toEqual(['gid://shopify/Customer/207119551']);
    // (12 − 2) / 50 s = 200 ms, and not a millisecond more: the retry is not throttled again.
    expect(h.clock.sleeps).toEqual([200]);
    expect(h.fakeShop.requests.filter((r) => r.kind === 'graphql').map((r) => r.throttled ?? false)).toEqual([
      true,
      false,
    ]);
  });

  it('waits before sending when the last known bucket cannot hold the operation', async () => {
    const h = await startPlatformHarness(server, {
      shop: { throttle: { maximumAvailable: 100, restoreRate: 10, currentlyAvailable: 15 }, costs: { ShopInfo: 10 } },
    });
    await h.install();
    await h.graphql(SHOP_INFO_QUERY); // leaves 5 points, and teaches the client ShopInfo costs 10
    await h.graphql(SHOP_INFO_QUERY);

    expect(h.clock.sleeps).toEqual([500]); // (10 − 5) / 10 s
    expect(h.fakeShop.requests.some((r) => r.throttled)).toBe(false);
  });

  it('throws a typed throttled error with the attempts after the last retry', async () => {
    const h = await startPlatformHarness(server, {
      shop: { throttle: { maximumAvailable: 100, restoreRate: 0, currentlyAvailable: 0 } },
      maxThrottleRetries: 2,
    });
    await h.install();
    const error = await rejection(h.graphql(SHOP_INFO_QUERY));

    expect(error.code).toBe('throttled');
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
    expect(error.retryable).toBe(true);
    expect(h.fakeShop.count('graphql', 'ShopInfo')).toBe(3);
  });

  it('refuses a query that costs more than the bucket can ever hold, without waiting', async () => {
    const h = await startPlatformHarness(server, {
      shop: { throttle: { maximumAvailable: 1000, restoreRate: 50 }, costs: { ShopInfo: 1500 } },
    });
    await h.install();
    const error = await rejection(h.graphql(SHOP_INFO_QUERY));

    expect(error.code).toBe('query_too_expensive');
    expect(h.clock.sleeps).toEqual([]);
    expect(h.fakeShop.count('graphql')).toBe(1);
  });

  it('refreshes the access token once on 401 and retries', async () => {
    const h = await startPlatformHarness(server, { shop: { accessTokenTtlS: 3600 } });
    const installed = await h.install();
    h.clock.t += 2 * 3600_000; // Shopify considers the token expired; our stored expiry does not yet.

    const data = await h.graphql(SHOP_INFO_QUERY);

    expect(data.shop.myshopifyDomain).toBe(TEST_SHOP);
    expect(h.fakeShop.count('graphql_unauthorized')).toBe(1);
    expect(h.fakeShop.count('refresh_token')).toBe(1);
    const stored = await h.store.sessions.loadOfflineSession(TEST_SHOP);
    expect(stored?.accessToken).not.toBe(installed.accessToken);
  });

  it('gives up with unauthorized when the refreshed token is refused too', async () => {
    const h = await startPlatformHarness(server);
    await h.install();
    server.use(
      mswGraphql
        .link(`https://${TEST_SHOP}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`)
        .operation(() => new Response('{"errors":"[API] Invalid API key or access token"}', { status: 401 })),
    );
    const error = await rejection(h.graphql(SHOP_INFO_QUERY));

    expect(error.code).toBe('unauthorized');
    expect(error.attempts).toBe(2);
    expect(h.fakeShop.count('refresh_token')).toBe(1);
  });

  it('turns GraphQL errors into a typed error with phone numbers masked', async () => {
    const h = await startPlatformHarness(server);
    await h.install();
    server.use(
      mswGraphql.link(`https://${TEST_SHOP}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`).operation(() =>
        HttpResponse.json({
          errors: [
            {
              message: 'Variable $query of type String! was provided invalid value for phone:+998901234567',
              extensions: { code: 'argumentLiteralsIncompatible' },
            },
          ],
        }),
      ),
    );
    const error = await rejection(h.graphql(SHOP_INFO_QUERY));

    expect(error.code).toBe('graphql_error');
    expect(error.shopifyCodes).toEqual(['argumentLiteralsIncompatible']);
    expect(error.message).toContain('+99890*****67');
    expect(error.message).not.toContain('+998901234567');
  });

  it('keeps one bucket per shop', async () => {
    const h = await startPlatformHarness(server, {
      shop: { throttle: { maximumAvailable: 100, restoreRate: 10, currentlyAvailable: 10 }, costs: { ShopInfo: 10 } },
    });
    await h.install();
    const otherShop = 'other-shop.myshopify.com';
    const other = createFakeShop({
      shop: otherShop,
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      now: h.clock.now,
    });
    server.use(...other.handlers);
    const grant = other.grantOfflineToken();
    await h.store.sessions.storeSession(
      new Session({
        id: `offline_${otherShop}`,
        shop: otherShop,
        state: '',
        isOnline: false,
        accessToken: grant.access_token,
        expires: new Date(Date.now() + 3600_000),
      }),
    );
    const adminGraphql = createAdminGraphql({ sessions: h.sessions, sleep: h.clock.sleep, now: h.clock.now });

    await adminGraphql(TEST_SHOP)(SHOP_INFO_QUERY); // empties this shop's bucket
    await adminGraphql(otherShop)(SHOP_INFO_QUERY);
    expect(h.clock.sleeps).toEqual([]);
    await adminGraphql(TEST_SHOP)(SHOP_INFO_QUERY);
    expect(h.clock.sleeps).toEqual([1000]);
  });
});
