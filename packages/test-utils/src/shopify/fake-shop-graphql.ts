import { graphql, HttpResponse, type RequestHandler } from 'msw';
import type { FakeCustomer, FakeMoney, FakeShopState, FakeSubscription } from './fake-shop-state';

type Variables = Record<string, unknown>;
type Resolved =
  | { data: Record<string, unknown> }
  | { errors: { message: string; extensions?: Record<string, unknown> }[] };
type Resolver = (state: FakeShopState, variables: Variables) => Resolved;

/**
 * Requested cost per operation when the test does not set one. Roughly what Shopify's calculator
 * gives these selections (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits#cost-calculation):
 * one point per object, a connection counts `first` objects, a mutation 10.
 */
export const DEFAULT_OPERATION_COSTS: Readonly<Record<string, number>> = {
  ShopInfo: 1,
  CustomerSmsConsent: 1,
  CustomersByPhone: 12,
  CustomerSmsMarketingConsentUpdate: 10,
  ActiveSubscriptions: 4,
  AppSubscriptionCreate: 10,
  AppUsageRecordCreate: 10,
};

/**
 * POST https://{shop}/admin/api/{version}/graphql.json. Authenticates `X-Shopify-Access-Token`,
 * charges the leaky bucket (THROTTLED when short, with the cost extension Shopify documents at
 * https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits) and resolves the app's
 * operations by name against the shop's state. Each operation name answers the selection of the
 * app's document of that name (platform-client/operations), no more.
 */
export function fakeShopGraphqlHandler(state: FakeShopState): RequestHandler {
  return graphql
    .link(`https://${state.shop}/admin/api/${state.apiVersion}/graphql.json`)
    .operation(({ request, operationName, variables }) => {
      const token = state.accessTokens.get(request.headers.get('x-shopify-access-token') ?? '');
      if (!token || token.revoked || (token.expiresAt !== null && token.expiresAt <= state.now())) {
        state.requests.push({ kind: 'graphql_unauthorized', detail: operationName ?? null, at: state.now() });
        // Shopify answers a bad token with a bare string in `errors`, which is not a GraphQL
        // response shape, so this goes out as a plain Response.
        return new Response(
          JSON.stringify({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
      }
      const name = operationName ?? '';
      const cost = state.costs[name] ?? DEFAULT_OPERATION_COSTS[name] ?? 1;
      if (!state.bucket.take(cost)) {
        state.requests.push({ kind: 'graphql', detail: name, variables, throttled: true, at: state.now() });
        return HttpResponse.json({
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: {
            cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: state.bucket.status() },
          },
        });
      }
      state.requests.push({ kind: 'graphql', detail: name, variables, at: state.now() });
      const resolver = RESOLVERS[name];
      const resolved: Resolved = resolver
        ? resolver(state, variables)
        : { errors: [{ message: `No fake resolver for operation '${name}'`, extensions: { code: 'undefinedField' } }] };
      return HttpResponse.json({
        ...resolved,
        extensions: {
          cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: state.bucket.status() },
        },
      });
    });
}

const RESOLVERS: Record<string, Resolver> = {
  ShopInfo: (state) => ({
    data: {
      shop: {
        name: state.shopName,
        currencyCode: state.currencyCode,
        myshopifyDomain: state.shop,
        contactEmail: `owner@${state.shop}`,
      },
    },
  }),

  CustomerSmsConsent: (state, variables) => {
    const customer = state.customers.get(legacyId(variables.id));
    return { data: { customer: customer ? customerNode(customer) : null } };
  },

  CustomersByPhone: (state, variables) => {
    const wanted = phoneFromQuery(String(variables.query ?? ''));
    const first = typeof variables.first === 'number' ? variables.first : 10;
    const nodes = [...state.customers.values()]
      .filter((customer) => wanted !== null && customer.phone === wanted)
      .slice(0, first)
      .map((customer) => {
        const { id, defaultPhoneNumber, smsMarketingConsent } = customerNode(customer);
        return { id, defaultPhoneNumber, smsMarketingConsent };
      });
    return { data: { customers: { nodes } } };
  },

  CustomerSmsMarketingConsentUpdate: (state, variables) => {
    const input = (variables.input ?? {}) as {
      customerId?: string;
      smsMarketingConsent?: { marketingState?: string; marketingOptInLevel?: string; consentUpdatedAt?: string };
    };
    const customer = state.customers.get(legacyId(input.customerId));
    const fail = (field: string[], message: string, code: string) => ({
      data: { customerSmsMarketingConsentUpdate: { customer: null, userErrors: [{ field, message, code }] } },
    });
    if (!customer) return fail(['input', 'customerId'], 'Customer not found', 'INVALID');
    if (!customer.phone) return fail(['input', 'customerId'], 'Customer must have a phone number', 'INVALID');
    const consent = input.smsMarketingConsent;
    const states = ['SUBSCRIBED', 'UNSUBSCRIBED', 'NOT_SUBSCRIBED', 'PENDING'];
    if (!consent?.marketingState || !states.includes(consent.marketingState)) {
      return fail(['input', 'smsMarketingConsent', 'marketingState'], 'Marketing state is invalid', 'INCLUSION');
    }
    customer.smsMarketingConsent = {
      marketingState: consent.marketingState as 'SUBSCRIBED',
      marketingOptInLevel: (consent.marketingOptInLevel as 'SINGLE_OPT_IN' | undefined) ?? 'SINGLE_OPT_IN',
      consentUpdatedAt: consent.consentUpdatedAt ?? new Date(state.now()).toISOString(),
      consentCollectedFrom: 'OTHER',
    };
    const { id, smsMarketingConsent } = customerNode(customer);
    return { data: { customerSmsMarketingConsentUpdate: { customer: { id, smsMarketingConsent }, userErrors: [] } } };
  },

  ActiveSubscriptions: (state) => ({
    data: {
      currentAppInstallation: {
        id: 'gid://shopify/AppInstallation/1',
        activeSubscriptions: state.subscriptions.filter((s) => s.status === 'ACTIVE').map(subscriptionNode),
      },
    },
  }),

  AppSubscriptionCreate: (state, variables) => {
    const lineItems = (variables.lineItems ?? []) as {
      plan?: { appUsagePricingDetails?: { terms?: string; cappedAmount?: FakeMoney } };
    }[];
    const usage = lineItems[0]?.plan?.appUsagePricingDetails;
    if (!usage?.terms || !usage.cappedAmount) {
      return {
        data: {
          appSubscriptionCreate: {
            appSubscription: null,
            confirmationUrl: null,
            userErrors: [{ field: ['lineItems'], message: 'A usage pricing plan needs terms and a capped amount' }],
          },
        },
      };
    }
    const subscription = addSubscription(state, {
      name: String(variables.name),
      status: 'PENDING',
      test: variables.test === true,
      returnUrl: String(variables.returnUrl),
      terms: usage.terms,
      cappedAmount: usage.cappedAmount,
    });
    const numericId = subscription.id.split('/').pop();
    return {
      data: {
        appSubscriptionCreate: {
          appSubscription: { id: subscription.id, status: subscription.status },
          confirmationUrl: `https://${state.shop}/admin/charges/${numericId}/confirm_recurring_application_charge?signature=fake`,
          userErrors: [],
        },
      },
    };
  },

  AppUsageRecordCreate: (state, variables) => {
    const fail = (field: string[] | null, message: string) => ({
      data: { appUsageRecordCreate: { appUsageRecord: null, userErrors: [{ field, message }] } },
    });
    const key = typeof variables.idempotencyKey === 'string' ? variables.idempotencyKey : null;
    const existing = key ? state.usageRecords.find((record) => record.idempotencyKey === key) : undefined;
    if (existing)
      return { data: { appUsageRecordCreate: { appUsageRecord: usageRecordNode(existing), userErrors: [] } } };
    const lineItem = state.subscriptions
      .filter((s) => s.status === 'ACTIVE')
      .flatMap((s) => s.lineItems)
      .find((item) => item.id === variables.subscriptionLineItemId);
    if (!lineItem) return fail(['subscriptionLineItemId'], 'Subscription line item not found');
    const price = variables.price as FakeMoney;
    if (price.currencyCode !== lineItem.cappedAmount.currencyCode) return fail(['price'], 'Currency does not match');
    const used = Number(lineItem.balanceUsed.amount) + Number(price.amount);
    if (used > Number(lineItem.cappedAmount.amount) + 1e-9) return fail(null, 'Total price exceeds balance remaining');
    lineItem.balanceUsed = { amount: String(Math.round(used * 10_000) / 10_000), currencyCode: price.currencyCode };
    const record = {
      id: `gid://shopify/AppUsageRecord/${state.nextId++}`,
      subscriptionLineItemId: lineItem.id,
      price: { amount: String(price.amount), currencyCode: price.currencyCode },
      description: String(variables.description),
      idempotencyKey: key,
      createdAt: new Date(state.now()).toISOString(),
    };
    state.usageRecords.push(record);
    return { data: { appUsageRecordCreate: { appUsageRecord: usageRecordNode(record), userErrors: [] } } };
  },
};

export function addSubscription(
  state: FakeShopState,
  input: {
    name: string;
    status: FakeSubscription['status'];
    test: boolean;
    returnUrl: string;
    terms: string;
    cappedAmount: FakeMoney;
  },
): FakeSubscription {
  const id = state.nextId++;
  const subscription: FakeSubscription = {
    id: `gid://shopify/AppSubscription/${id}`,
    name: input.name,
    status: input.status,
    test: input.test,
    returnUrl: input.returnUrl,
    lineItems: [
      {
        id: `gid://shopify/AppSubscriptionLineItem/${id}?v=1&index=0`,
        terms: input.terms,
        cappedAmount: { amount: String(input.cappedAmount.amount), currencyCode: input.cappedAmount.currencyCode },
        balanceUsed: { amount: '0.0', currencyCode: input.cappedAmount.currencyCode },
      },
    ],
  };
  state.subscriptions.push(subscription);
  return subscription;
}

function customerNode(customer: FakeCustomer) {
  return {
    id: `gid://shopify/Customer/${customer.id}`,
    firstName: customer.firstName,
    locale: customer.locale,
    defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
    smsMarketingConsent: customer.smsMarketingConsent ? { ...customer.smsMarketingConsent } : null,
  };
}

function subscriptionNode(subscription: FakeSubscription) {
  return {
    id: subscription.id,
    name: subscription.name,
    status: subscription.status,
    test: subscription.test,
    lineItems: subscription.lineItems.map((item) => ({
      id: item.id,
      plan: {
        pricingDetails: {
          __typename: 'AppUsagePricing',
          terms: item.terms,
          cappedAmount: { ...item.cappedAmount },
          balanceUsed: { ...item.balanceUsed },
        },
      },
    })),
  };
}

function usageRecordNode(record: { id: string; price: FakeMoney; description: string; idempotencyKey: string | null }) {
  return {
    id: record.id,
    price: { ...record.price },
    description: record.description,
    idempotencyKey: record.idempotencyKey,
  };
}

/** `gid://shopify/Customer/123` or `123` → `123`. */
function legacyId(id: unknown): string {
  return String(id ?? '')
    .split('/')
    .pop()!
    .split('?')[0]!;
}

/** `phone:+998…` or `phone:"+998…"` → `+998…`. */
function phoneFromQuery(query: string): string | null {
  const match = /phone:\s*"?(\+?[0-9]+)"?/.exec(query);
  return match?.[1] ?? null;
}
