import { z } from 'zod';

// The mandatory compliance webhooks' bodies, as documented at
// https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance (2026-10).
const id = z.union([z.number(), z.string()]).transform(String);
const customer = z.looseObject({ id, email: z.string().nullish(), phone: z.string().nullish() });

export const dataRequestPayloadSchema = z.looseObject({
  shop_id: id,
  shop_domain: z.string(),
  orders_requested: z.array(id).nullish(),
  customer,
  data_request: z.looseObject({ id }),
});

export const customerRedactPayloadSchema = z.looseObject({
  shop_id: id,
  shop_domain: z.string(),
  customer,
  orders_to_redact: z.array(id).nullish(),
});

export const shopRedactPayloadSchema = z.looseObject({ shop_id: id, shop_domain: z.string() });
