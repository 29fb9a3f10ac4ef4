import { adminOperation } from '../admin-operation';
import type { CurrencyCode } from './admin-types';

// https://shopify.dev/docs/api/admin-graphql/2026-10/objects/Shop
export const SHOP_INFO_QUERY = adminOperation<ShopInfoQuery, ShopInfoQueryVariables>(`#graphql
  query ShopInfo {
    shop {
      name
      currencyCode
      myshopifyDomain
      contactEmail
    }
  }
`);

export type ShopInfoQueryVariables = Record<string, never>;

export interface ShopInfoQuery {
  shop: { name: string; currencyCode: CurrencyCode; myshopifyDomain: string; contactEmail: string };
}
