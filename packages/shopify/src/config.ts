import { z } from 'zod';

/**
 * The app's settings, validated once at start. `billing` picks the distribution model
 * (docs/decisions/0012): `shopify` for an App Store listing (usage charges per SMS through the
 * Billing API), `karvon` for a custom or unlisted app whose merchants pay through their Karvon balance.
 */
export const shopifyAppConfigSchema = z.object({
  apiKey: z.string().min(1),
  apiSecretKey: z.string().min(1),
  /** The public https URL of the app (`application_url` in shopify.app.toml). */
  appUrl: z.url(),
  scopes: z.array(z.string().min(1)).default(['read_orders', 'read_customers', 'write_customers']),
  /** Where merchants' Karvon accounts live; a merchant may override it when connecting. */
  karvonBaseUrl: z.url(),
  billing: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('karvon') }),
      z.object({
        mode: z.literal('shopify'),
        /** Name of the usage plan (its `cappedAmount` is set when the merchant approves it). */
        planName: z.string().min(1).default('Karvon SMS'),
        /** Charged per SMS segment, in `currency`. */
        pricePerSegment: z.string().regex(/^\d+(\.\d{1,4})?$/),
        currency: z.string().length(3).default('USD'),
        cappedAmount: z
          .string()
          .regex(/^\d+(\.\d{1,2})?$/)
          .default('100.00'),
        test: z.boolean().default(false),
      }),
    ])
    .default({ mode: 'karvon' }),
  /**
   * How long after a checkout without an order its reminder (a marketing SMS, off by default per
   * shop) goes out. 0 sends at once.
   */
  abandonedCheckoutDelayMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** SQLite file directory when `databaseUrl` is unset. */
  dataDir: z.string().default('./data'),
  databaseUrl: z.string().optional(),
});

export type ShopifyAppConfigInput = z.input<typeof shopifyAppConfigSchema>;
export type ShopifyAppConfig = z.output<typeof shopifyAppConfigSchema>;

export function parseShopifyAppConfig(input: ShopifyAppConfigInput): ShopifyAppConfig {
  return shopifyAppConfigSchema.parse(input);
}
