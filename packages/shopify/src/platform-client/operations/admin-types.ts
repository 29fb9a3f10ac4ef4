// Admin API 2026-10 scalars and enums these operations use, named and shaped as
// @shopify/api-codegen-preset writes them to admin.types.d.ts. Hand-written because the preset
// needs the Admin schema from shopify.dev at codegen time (see docs/decisions). Sources:
// https://shopify.dev/docs/api/admin-graphql/2026-10/enums/CustomerSmsMarketingState
// https://shopify.dev/docs/api/admin-graphql/2026-10/enums/CustomerMarketingOptInLevel
// https://shopify.dev/docs/api/admin-graphql/2026-10/enums/CustomerConsentCollectedFrom
// https://shopify.dev/docs/api/admin-graphql/2026-10/enums/AppSubscriptionStatus

/** An ISO-8601 timestamp. */
export type DateTime = string;
/** A decimal number sent as a string, e.g. `"0.05"`. */
export type Decimal = string;
/** A global id, e.g. `gid://shopify/Customer/207119551`. */
export type ID = string;
/** An RFC 3986 URL. */
export type URL = string;
/** ISO 4217, e.g. `USD`. */
export type CurrencyCode = string;

export type CustomerSmsMarketingState = 'NOT_SUBSCRIBED' | 'PENDING' | 'REDACTED' | 'SUBSCRIBED' | 'UNSUBSCRIBED';
export type CustomerMarketingOptInLevel = 'CONFIRMED_OPT_IN' | 'SINGLE_OPT_IN' | 'UNKNOWN';
export type CustomerConsentCollectedFrom = 'OTHER' | 'SHOPIFY';
export type AppSubscriptionStatus = 'ACCEPTED' | 'ACTIVE' | 'CANCELLED' | 'DECLINED' | 'EXPIRED' | 'FROZEN' | 'PENDING';

export interface MoneyV2 {
  amount: Decimal;
  currencyCode: CurrencyCode;
}

export interface MoneyInput {
  amount: Decimal;
  currencyCode: CurrencyCode;
}

export interface UserError {
  field: string[] | null;
  message: string;
}

/**
 * The billing currency from config (three letters, checked at start) as the schema's enum type:
 * the subset schema lists only the currencies we use, and Shopify answers a code it does not know
 * with a userError, which billing reports.
 */
export function asCurrencyCode(code: string): import('../generated/admin.types').CurrencyCode {
  return code as import('../generated/admin.types').CurrencyCode;
}
