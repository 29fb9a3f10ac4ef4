import { z } from 'zod';

// The fields the app reads from Shopify's `checkouts/create` webhook (the REST Checkout shape,
// https://shopify.dev/docs/api/webhooks/2026-10?reference=toml#list-of-topics-checkouts/create).
const id = z.union([z.number(), z.string()]).transform(String);
const text = z.string().nullish();
const address = z.looseObject({ first_name: text, last_name: text, phone: text }).nullish();

export const checkoutPayloadSchema = z.looseObject({
  id: id.nullish(),
  token: z.string(),
  phone: text,
  sms_marketing_phone: text,
  buyer_accepts_sms_marketing: z.boolean().nullish(),
  customer_locale: text,
  abandoned_checkout_url: text,
  completed_at: text,
  total_price: text,
  currency: text,
  shipping_address: address,
  billing_address: address,
  customer: z.looseObject({ id, first_name: text, last_name: text, phone: text, locale: text }).nullish(),
});

export type CheckoutPayload = z.infer<typeof checkoutPayloadSchema>;

/** The notification row key of a checkout's reminder: one per checkout token. */
export const checkoutReminderKey = (token: string) => `checkout:${token}`;
