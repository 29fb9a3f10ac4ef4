import { z } from 'zod';

// The fields the app reads from Shopify's REST-shaped webhook payloads (orders/*, fulfillments/*),
// as documented at https://shopify.dev/docs/api/webhooks?reference=toml (topics orders/create,
// fulfillments/create). Loose objects: Shopify adds fields in every version. Ids arrive as JSON
// numbers beyond 2^53 in principle; Shopify's ids fit today, and we keep them as strings.
const id = z.union([z.number(), z.string()]).transform(String);
const text = z.string().nullish();

const address = z.looseObject({ first_name: text, last_name: text, phone: text }).nullish();

export const customerPayloadSchema = z.looseObject({
  id,
  first_name: text,
  last_name: text,
  phone: text,
  locale: text,
});

export const fulfillmentPayloadSchema = z.looseObject({
  id,
  order_id: id,
  name: text,
  status: text,
  tracking_company: text,
  tracking_number: text,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: text,
  tracking_urls: z.array(z.string()).nullish(),
  destination: address,
});

export const orderPayloadSchema = z.looseObject({
  id,
  name: text,
  phone: text,
  customer_locale: text,
  currency: text,
  total_price: text,
  order_status_url: text,
  checkout_token: text,
  cancelled_at: text,
  shipping_address: address,
  billing_address: address,
  customer: customerPayloadSchema.nullish(),
  fulfillments: z.array(fulfillmentPayloadSchema).nullish(),
});

export type OrderPayload = z.infer<typeof orderPayloadSchema>;
export type FulfillmentPayload = z.infer<typeof fulfillmentPayloadSchema>;

/** The tracking of a fulfillment, if it has any yet. */
export function trackingOf(fulfillment: FulfillmentPayload): { url: string | null; number: string | null } {
  const url = fulfillment.tracking_url || fulfillment.tracking_urls?.find(Boolean) || null;
  const number = fulfillment.tracking_number || fulfillment.tracking_numbers?.find(Boolean) || null;
  return { url, number };
}

export function hasTracking(fulfillment: FulfillmentPayload): boolean {
  const { url, number } = trackingOf(fulfillment);
  return url !== null || number !== null;
}
