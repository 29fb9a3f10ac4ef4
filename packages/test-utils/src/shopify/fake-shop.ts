import type { RequestHandler } from 'msw';
import { addSubscription, fakeShopGraphqlHandler } from './fake-shop-graphql';
import { type FakeTokenResponse, fakeShopOAuthHandler, issueTokens } from './fake-shop-oauth';
import type {
  FakeCustomer,
  FakeShopRequest,
  FakeShopRequestKind,
  FakeShopState,
  FakeSubscription,
  FakeUsageRecord,
} from './fake-shop-state';
import { FakeThrottleBucket, type ThrottleStatus } from './fake-throttle-bucket';

export interface FakeShopOptions {
  /** `my-shop.myshopify.com` */
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** The Admin API version the GraphQL endpoint answers on (other versions are unhandled). */
  apiVersion?: string;
  scope?: string;
  /** Lifetime of expiring offline access tokens; Shopify's is one hour. */
  accessTokenTtlS?: number;
  /** Lifetime of refresh tokens; Shopify's is 90 days. */
  refreshTokenTtlS?: number;
  /** The leaky bucket; Standard plan defaults (2000 points, 100/s). */
  throttle?: Partial<ThrottleStatus>;
  /** Requested cost per operation name, over DEFAULT_OPERATION_COSTS. */
  costs?: Record<string, number>;
  shopName?: string;
  currencyCode?: string;
  /** The shop's clock (token expiry, bucket refill), in epoch ms. */
  now?: () => number;
}

/** An in-memory Shopify store behind msw handlers, for tests of code that calls Shopify. */
export interface FakeShop {
  readonly shop: string;
  /** Pass to `setupServer(...)` or `server.use(...)`. */
  readonly handlers: RequestHandler[];
  readonly customers: Map<string, FakeCustomer>;
  readonly subscriptions: FakeSubscription[];
  readonly usageRecords: FakeUsageRecord[];
  readonly bucket: FakeThrottleBucket;
  /** Every request answered, in order. */
  readonly requests: FakeShopRequest[];
  /** How many requests of this kind (and GraphQL operation name, when given) were answered. */
  count(kind: FakeShopRequestKind, detail?: string): number;
  addCustomer(customer: Partial<FakeCustomer> & { id: string }): FakeCustomer;
  /** An approved usage subscription, as if the merchant had accepted the charge. */
  addActiveUsageSubscription(input?: {
    name?: string;
    terms?: string;
    cappedAmount?: { amount: string; currencyCode: string };
  }): FakeSubscription;
  /** Marks a pending subscription (from appSubscriptionCreate) as approved by the merchant. */
  approveSubscription(id: string): void;
  /** Issues a token pair without an HTTP request, to seed a stored session. */
  grantOfflineToken(options?: { expiring?: boolean }): FakeTokenResponse;
  /** Whether Shopify would still accept this access token. */
  isAccessTokenValid(token: string): boolean;
}

export function createFakeShop(options: FakeShopOptions): FakeShop {
  const now = options.now ?? Date.now;
  const state: FakeShopState = {
    shop: options.shop,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    apiVersion: options.apiVersion ?? '2026-10',
    scope: options.scope ?? 'read_orders,read_customers,write_customers',
    accessTokenTtlS: options.accessTokenTtlS ?? 3600,
    refreshTokenTtlS: options.refreshTokenTtlS ?? 90 * 24 * 3600,
    shopName: options.shopName ?? 'Karvon Test Shop',
    currencyCode: options.currencyCode ?? 'USD',
    now,
    costs: options.costs ?? {},
    bucket: new FakeThrottleBucket({
      maximumAvailable: options.throttle?.maximumAvailable ?? 2000,
      restoreRate: options.throttle?.restoreRate ?? 100,
      currentlyAvailable: options.throttle?.currentlyAvailable ?? options.throttle?.maximumAvailable ?? 2000,
      now,
    }),
    customers: new Map(),
    subscriptions: [],
    usageRecords: [],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    requests: [],
    nextId: 1000,
  };

  return {
    shop: state.shop,
    handlers: [fakeShopOAuthHandler(state), fakeShopGraphqlHandler(state)],
    customers: state.customers,
    subscriptions: state.subscriptions,
    usageRecords: state.usageRecords,
    bucket: state.bucket,
    requests: state.requests,
    count: (kind, detail) =>
      state.requests.filter((request) => request.kind === kind && (detail === undefined || request.detail === detail))
        .length,
    addCustomer(customer) {
      const full: FakeCustomer = {
        firstName: null,
        locale: null,
        phone: null,
        smsMarketingConsent: null,
        ...customer,
      };
      state.customers.set(full.id, full);
      return full;
    },
    addActiveUsageSubscription(input = {}) {
      return addSubscription(state, {
        name: input.name ?? 'Karvon SMS',
        status: 'ACTIVE',
        test: true,
        returnUrl: 'https://app.example.com/billing',
        terms: input.terms ?? '0.05 USD per SMS segment',
        cappedAmount: input.cappedAmount ?? { amount: '100.00', currencyCode: 'USD' },
      });
    },
    approveSubscription(id) {
      const subscription = state.subscriptions.find((s) => s.id === id);
      if (!subscription) throw new Error(`No subscription ${id}`);
      subscription.status = 'ACTIVE';
    },
    grantOfflineToken: (grant = {}) => issueTokens(state, 'offline', grant.expiring ?? true),
    isAccessTokenValid(token) {
      const found = state.accessTokens.get(token);
      return Boolean(found && !found.revoked && (found.expiresAt === null || found.expiresAt > now()));
    },
  };
}
