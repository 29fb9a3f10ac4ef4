import { KarvonError } from '@karvon/sdk';
import { normalizePhoneInput } from '@karvon/sdk/phone';
import { z } from 'zod';
import type { ConsentRecord, MarketingConsentState, ShopifyStore } from '../storage/shopify-store';

/**
 * The `customers_marketing_consent/update` body, as documented at
 * https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-customers_marketing_consent-update
 * States arrive in lower case; `state` may be null for a customer who never chose.
 */
const consentPayloadSchema = z.object({
  customer_id: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  phone_number: z.string().nullish(),
  sms_marketing_consent: z
    .object({
      state: z.string().nullish(),
      opt_in_level: z.string().nullish(),
      consent_updated_at: z.string().nullish(),
      consent_collected_from: z.string().nullish(),
    })
    .nullish(),
});

const KNOWN_STATES: readonly MarketingConsentState[] = [
  'subscribed',
  'not_subscribed',
  'unsubscribed',
  'pending',
  'redacted',
  'invalid',
];

export interface RecordedConsent {
  record: ConsentRecord;
  previous: ConsentRecord | null;
  /** False when the state was already stored: e.g. Shopify echoing a change that came from Karvon. */
  changed: boolean;
}

/**
 * Stores the customer's SMS marketing consent from a `customers_marketing_consent/update` webhook,
 * with source `shopify`. Pass the raw body when you have it: customer ids are 64-bit and lose
 * digits in JSON.parse, so only the raw text keeps them exact.
 */
export async function recordShopifyConsent(
  store: Pick<ShopifyStore, 'consent'>,
  shop: string,
  payload: string | unknown,
): Promise<RecordedConsent> {
  const parsed = consentPayloadSchema.safeParse(typeof payload === 'string' ? parseKeepingIds(payload) : payload);
  if (!parsed.success) {
    throw new KarvonError(`customers_marketing_consent/update payload from ${shop} is not in the documented shape`);
  }
  const body = parsed.data;
  const customerId = String(body.customer_id);
  const phone = body.phone_number ? normalizePhoneInput(body.phone_number) || null : null;
  const state = toConsentState(body.sms_marketing_consent?.state);
  const previous = await store.consent.get(shop, customerId);
  const record = await store.consent.put({ shop, customerId, phone, state, source: 'shopify' });
  return { record, previous, changed: previous?.state !== state || previous.phone !== phone };
}

function toConsentState(state: string | null | undefined): MarketingConsentState {
  if (!state) return 'not_subscribed';
  const lower = state.toLowerCase() as MarketingConsentState;
  return KNOWN_STATES.includes(lower) ? lower : 'invalid';
}

/** JSON.parse that keeps `customer_id` as its source digits (JSON.parse source text access, Node ≥ 21). */
function parseKeepingIds(text: string): unknown {
  try {
    return JSON.parse(text, function reviver(
      this: unknown,
      key: string,
      value: unknown,
      context?: { source?: string },
    ) {
      if (key === 'customer_id' && typeof value === 'number' && context?.source) return context.source;
      return value;
    } as (key: string, value: unknown) => unknown);
  } catch {
    return undefined;
  }
}
