import { normalizePhoneInput } from '@karvon/sdk/phone';
import type { AdminGraphql } from '../platform-client/admin-graphql';
import type { CustomerSmsMarketingState } from '../platform-client/operations/admin-types';
import {
  CUSTOMER_SMS_CONSENT_QUERY,
  type CustomerSmsMarketingConsentFields,
} from '../platform-client/operations/customer-sms-consent';
import { CUSTOMER_SMS_MARKETING_CONSENT_UPDATE_MUTATION } from '../platform-client/operations/customer-sms-marketing-consent-update';
import { CUSTOMERS_BY_PHONE_QUERY, customersByPhoneQuery } from '../platform-client/operations/customers-by-phone';
import type { MarketingConsentState, ShopifyStore } from '../storage/shopify-store';

/** How many Shopify customers one number may belong to before we stop looking. */
const MAX_CUSTOMERS_PER_PHONE = 10;

/** What happened to one customer, for the log line and for tests. */
export type OptOutSyncResult =
  | { customerId: string; outcome: 'updated'; state: MarketingConsentState }
  | { customerId: string; outcome: 'skipped_already_matching'; state: MarketingConsentState }
  /** Erased customers stay erased. */
  | { customerId: string; outcome: 'skipped_redacted' }
  /** No customer has this number (`customerId` null), or a stored one no longer exists in Shopify. */
  | { customerId: string | null; outcome: 'not_found' }
  /** Shopify answered userErrors (e.g. the customer has no phone any more). */
  | { customerId: string; outcome: 'rejected'; errors: string[] };

export interface ApplyKarvonOptOutInput {
  store: Pick<ShopifyStore, 'consent'>;
  /** The shop's Admin API (adminGraphql(shop)). */
  graphql: AdminGraphql;
  shop: string;
  /** E.164 from the gateway's `opt_out.changed` event. */
  phone: string;
  /** true after a STOP, false after a START. */
  optedOut: boolean;
  /** When the recipient opted out or in (the event's `changedAt`); now when absent. */
  changedAt?: string | null;
  now?: () => number;
}

/**
 * Mirrors a STOP (or START) at the Karvon gateway into the SMS marketing consent of every Shopify
 * customer with that number. Each customer's current state is read from Shopify first and the write
 * is skipped when it already matches (`unsubscribed` for a STOP, `subscribed` for a START): the
 * mutation makes Shopify send `customers_marketing_consent/update`, and a write that changes
 * nothing is what would make the two systems echo each other forever.
 */
export async function applyKarvonOptOut(input: ApplyKarvonOptOutInput): Promise<OptOutSyncResult[]> {
  const { store, graphql, shop, optedOut } = input;
  const phone = normalizePhoneInput(input.phone);
  const target: CustomerSmsMarketingState = optedOut ? 'UNSUBSCRIBED' : 'SUBSCRIBED';
  const consentUpdatedAt = input.changedAt ?? new Date((input.now ?? Date.now)()).toISOString();

  const customers = await findCustomers(input, phone);
  if (customers.length === 0) return [{ customerId: null, outcome: 'not_found' }];

  const results: OptOutSyncResult[] = [];
  for (const { customerId, consent } of customers) {
    if (consent === undefined) {
      results.push({ customerId, outcome: 'not_found' });
      continue;
    }
    const current = consent?.marketingState ?? 'NOT_SUBSCRIBED';
    if (current === 'REDACTED') {
      results.push({ customerId, outcome: 'skipped_redacted' });
      continue;
    }
    if (current === target) {
      const state = toStoreState(current);
      const stored = await store.consent.get(shop, customerId);
      if (stored?.state !== state) await store.consent.put({ shop, customerId, phone, state, source: 'shopify' });
      results.push({ customerId, outcome: 'skipped_already_matching', state });
      continue;
    }
    const answer = await graphql(CUSTOMER_SMS_MARKETING_CONSENT_UPDATE_MUTATION, {
      input: {
        customerId: toGid(customerId),
        smsMarketingConsent: {
          marketingState: target,
          ...(optedOut ? {} : { marketingOptInLevel: 'SINGLE_OPT_IN' as const }),
          consentUpdatedAt,
        },
      },
    });
    const payload = answer.customerSmsMarketingConsentUpdate;
    if (!payload || payload.userErrors.length > 0) {
      results.push({
        customerId,
        outcome: 'rejected',
        errors: (payload?.userErrors ?? []).map((error) => error.code ?? error.message),
      });
      continue;
    }
    const state = toStoreState(payload.customer?.smsMarketingConsent?.marketingState ?? target);
    await store.consent.put({ shop, customerId, phone, state, source: 'karvon' });
    results.push({ customerId, outcome: 'updated', state });
  }
  return results;
}

/**
 * The customers behind a number, with their consent as Shopify has it now (`undefined`: the
 * customer no longer exists; `null`: no consent recorded). Stored consent rows name them without a
 * search; otherwise the customers query finds them.
 */
async function findCustomers(
  input: ApplyKarvonOptOutInput,
  phone: string,
): Promise<{ customerId: string; consent: CustomerSmsMarketingConsentFields | null | undefined }[]> {
  const rows = await input.store.consent.findByPhone(input.shop, phone);
  if (rows.length > 0) {
    const found = [];
    for (const row of rows) {
      const { customer } = await input.graphql(CUSTOMER_SMS_CONSENT_QUERY, { id: toGid(row.customerId) });
      found.push({ customerId: row.customerId, consent: customer ? customer.smsMarketingConsent : undefined });
    }
    return found;
  }
  const { customers } = await input.graphql(CUSTOMERS_BY_PHONE_QUERY, {
    query: customersByPhoneQuery(phone),
    first: MAX_CUSTOMERS_PER_PHONE,
  });
  return (
    customers.nodes
      // The search matches loosely; keep only exact numbers.
      .filter((node) => !node.defaultPhoneNumber || normalizePhoneInput(node.defaultPhoneNumber.phoneNumber) === phone)
      .map((node) => ({ customerId: fromGid(node.id), consent: node.smsMarketingConsent }))
  );
}

function toStoreState(state: CustomerSmsMarketingState): MarketingConsentState {
  return state.toLowerCase() as MarketingConsentState;
}

/** Consent rows and webhooks use the numeric id; the Admin API the global id. */
function toGid(customerId: string): string {
  return customerId.startsWith('gid://') ? customerId : `gid://shopify/Customer/${customerId}`;
}

function fromGid(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
