import { TEMPLATE_LOCALES, type TemplateLocale } from '../storage/shopify-store';

/**
 * The customer's language from Shopify's `customer_locale` (`uz-UZ`, `ru`, `en-US`…), else the
 * shop's default. `uz-Cyrl` maps to `uz` too: one Uzbek text per shop, which the merchant may
 * write in Cyrillic if that is what their customers read.
 */
export function pickLocale(customerLocale: string | null | undefined, fallback: TemplateLocale): TemplateLocale {
  const language = customerLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return TEMPLATE_LOCALES.find((locale) => locale === language) ?? fallback;
}
