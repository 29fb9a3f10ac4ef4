import type { FakeThrottleBucket } from './fake-throttle-bucket';

export type FakeSmsMarketingState = 'NOT_SUBSCRIBED' | 'PENDING' | 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'REDACTED';

/** A customer as the Admin API shows it, reduced to what the app reads. */
export interface FakeCustomer {
  /** The numeric (legacy) id; the API shows it as `gid://shopify/Customer/{id}`. */
  id: string;
  firstName: string | null;
  locale: string | null;
  /** E.164, as Shopify stores it. */
  phone: string | null;
  smsMarketingConsent: {
    marketingState: FakeSmsMarketingState;
    marketingOptInLevel: 'SINGLE_OPT_IN' | 'CONFIRMED_OPT_IN' | 'UNKNOWN' | null;
    consentUpdatedAt: string | null;
    consentCollectedFrom: 'SHOPIFY' | 'OTHER' | null;
  } | null;
}

export interface FakeMoney {
  amount: string;
  currencyCode: string;
}

export interface FakeUsageLineItem {
  id: string;
  terms: string;
  cappedAmount: FakeMoney;
  balanceUsed: FakeMoney;
}

export interface FakeSubscription {
  id: string;
  name: string;
  status: 'PENDING' | 'ACTIVE' | 'DECLINED' | 'CANCELLED' | 'EXPIRED' | 'FROZEN';
  test: boolean;
  returnUrl: string;
  lineItems: FakeUsageLineItem[];
}

export interface FakeUsageRecord {
  id: string;
  subscriptionLineItemId: string;
  price: FakeMoney;
  description: string;
  idempotencyKey: string | null;
  createdAt: string;
}

export type FakeShopRequestKind =
  | 'token_exchange'
  | 'refresh_token'
  | 'oauth_rejected'
  | 'graphql'
  | 'graphql_unauthorized';

/** One request the fake shop answered, for assertions such as "refreshed exactly once". */
export interface FakeShopRequest {
  kind: FakeShopRequestKind;
  /** GraphQL operation name, or the OAuth error code of a rejected token request. */
  detail: string | null;
  variables?: Record<string, unknown>;
  throttled?: boolean;
  at: number;
}

export interface FakeAccessToken {
  mode: 'offline' | 'online';
  /** Epoch ms; null for a non-expiring offline token. */
  expiresAt: number | null;
  revoked: boolean;
}

/** Everything one fake shop holds; handlers read and change it, tests inspect it. */
export interface FakeShopState {
  readonly shop: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly apiVersion: string;
  readonly scope: string;
  readonly accessTokenTtlS: number;
  readonly refreshTokenTtlS: number;
  readonly shopName: string;
  readonly currencyCode: string;
  readonly now: () => number;
  readonly costs: Record<string, number>;
  readonly bucket: FakeThrottleBucket;
  readonly customers: Map<string, FakeCustomer>;
  readonly subscriptions: FakeSubscription[];
  readonly usageRecords: FakeUsageRecord[];
  readonly accessTokens: Map<string, FakeAccessToken>;
  readonly refreshTokens: Map<string, { expiresAt: number; revoked: boolean }>;
  readonly requests: FakeShopRequest[];
  nextId: number;
}
