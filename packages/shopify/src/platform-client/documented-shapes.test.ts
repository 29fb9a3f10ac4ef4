import { mintSessionToken } from '@karvon/test-utils';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import activeSubscriptions from '../__fixtures__/graphql/active-subscriptions.json';
import appSubscriptionCreate from '../__fixtures__/graphql/app-subscription-create.json';
import appUsageRecordCreate from '../__fixtures__/graphql/app-usage-record-create.json';
import customerSmsConsent from '../__fixtures__/graphql/customer-sms-consent.json';
import customerSmsMarketingConsentUpdate from '../__fixtures__/graphql/customer-sms-marketing-consent-update.json';
import customersByPhone from '../__fixtures__/graphql/customers-by-phone.json';
import shopInfo from '../__fixtures__/graphql/shop-info.json';
import throttled from '../__fixtures__/graphql/throttled.json';
import invalidSubjectToken from '../__fixtures__/oauth/invalid-subject-token.json';
import refreshToken from '../__fixtures__/oauth/refresh-token.json';
import tokenExchange from '../__fixtures__/oauth/token-exchange-offline-expiring.json';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';
import type { AdminOperation } from './admin-operation';
import { ACTIVE_SUBSCRIPTIONS_QUERY } from './operations/active-subscriptions';
import { APP_SUBSCRIPTION_CREATE_MUTATION } from './operations/app-subscription-create';
import { APP_USAGE_RECORD_CREATE_MUTATION } from './operations/app-usage-record-create';
import { CUSTOMER_SMS_CONSENT_QUERY } from './operations/customer-sms-consent';
import { CUSTOMER_SMS_MARKETING_CONSENT_UPDATE_MUTATION } from './operations/customer-sms-marketing-consent-update';
import { CUSTOMERS_BY_PHONE_QUERY } from './operations/customers-by-phone';
import { SHOP_INFO_QUERY } from './operations/shop-info';
import {
  closeTestStores,
  startPlatformHarness,
  TEST_API_KEY,
  TEST_API_SECRET,
  TEST_SHOP,
} from './test-support/platform-harness';

// The fake shop in @karvon/test-utils must answer in the shapes shopify.dev documents, or tests
// against it prove nothing. Each fixture names its documentation page; this compares the set of
// field paths (not values) of the fixture with what the fake shop answers to the same operation.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

/** Every field path in a JSON value: `customer.smsMarketingConsent.marketingState`, `nodes[].id`. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [`${prefix}[]`] : fieldPaths(value[0], `${prefix}[]`);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...fieldPaths(child, path)];
    });
  }
  return [];
}

const sorted = (value: unknown) => [...new Set(fieldPaths(value))].sort();

interface GraphqlFixture {
  source: string;
  operation: string;
  variables?: Record<string, unknown>;
  body: { data: unknown };
}

const cases: [GraphqlFixture, AdminOperation<unknown, Record<string, unknown>>][] = [
  [shopInfo, SHOP_INFO_QUERY],
  [customerSmsConsent, CUSTOMER_SMS_CONSENT_QUERY],
  [customersByPhone, CUSTOMERS_BY_PHONE_QUERY],
  [customerSmsMarketingConsentUpdate, CUSTOMER_SMS_MARKETING_CONSENT_UPDATE_MUTATION],
  [activeSubscriptions, ACTIVE_SUBSCRIPTIONS_QUERY],
  [appSubscriptionCreate, APP_SUBSCRIPTION_CREATE_MUTATION],
  [appUsageRecordCreate, APP_USAGE_RECORD_CREATE_MUTATION],
] as never;

describe('the fake shop answers in the documented shapes', () => {
  it.each(cases)('$operation', async (fixture, operation) => {
    expect(fixture.source).toMatch(/^https:\/\/shopify\.dev\//);
    const h = await startPlatformHarness(server);
    await h.install();
    h.fakeShop.addCustomer({
      id: '207119551',
      firstName: 'Dilnoza',
      locale: 'uz',
      phone: '+998901234567',
      smsMarketingConsent: {
        marketingState: 'SUBSCRIBED',
        marketingOptInLevel: 'SINGLE_OPT_IN',
        consentUpdatedAt: '2026-11-20T05:00:00Z',
        consentCollectedFrom: 'SHOPIFY',
      },
    });
    const subscription = h.fakeShop.addActiveUsageSubscription();
    const variables =
      fixture.operation === 'AppUsageRecordCreate'
        ? { ...fixture.variables, subscriptionLineItemId: subscription.lineItems[0]!.id }
        : (fixture.variables ?? {});

    const data = await h.graphql(operation, variables);

    expect(sorted(data)).toEqual(sorted(fixture.body.data));
  });

  it('THROTTLED, with the cost extension', async () => {
    const h = await startPlatformHarness(server, { shop: { throttle: { currentlyAvailable: 0, restoreRate: 100 } } });
    const session = await h.install();
    const response = await fetch(`https://${TEST_SHOP}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': session.accessToken! },
      body: JSON.stringify({ query: SHOP_INFO_QUERY }),
    });
    expect(response.status).toBe(throttled.status);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(sorted(await response.json())).toEqual(sorted(throttled.body));
  });
});

describe('the fake token endpoint answers in the documented shapes', () => {
  const post = (body: Record<string, string>) =>
    fetch(`https://${TEST_SHOP}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...body, client_id: TEST_API_KEY, client_secret: TEST_API_SECRET }),
    });
  const sessionToken = () => mintSessionToken({ shop: TEST_SHOP, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });

  it('token exchange for an expiring offline token', async () => {
    await startPlatformHarness(server);
    const response = await post({ ...tokenExchange.request, subject_token: sessionToken() });
    expect(response.status).toBe(200);
    expect(sorted(await response.json())).toEqual(sorted(tokenExchange.response));
  });

  it('refresh', async () => {
    const h = await startPlatformHarness(server);
    const grant = h.fakeShop.grantOfflineToken();
    const response = await post({ ...refreshToken.request, refresh_token: grant.refresh_token! });
    expect(response.status).toBe(200);
    expect(sorted(await response.json())).toEqual(sorted(refreshToken.response));
  });

  it('invalid_subject_token', async () => {
    await startPlatformHarness(server);
    const expired = mintSessionToken({
      shop: TEST_SHOP,
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      expiresInS: -60,
    });
    const response = await post({ ...tokenExchange.request, subject_token: expired });
    expect(response.status).toBe(invalidSubjectToken.status);
    const body = (await response.json()) as { error: string };
    expect(body.error).toBe(invalidSubjectToken.response.error);
    expect(sorted(body)).toEqual(sorted(invalidSubjectToken.response));
  });
});
