import { adminOperation } from '../admin-operation';
import type { ShopInfoQuery, ShopInfoQueryVariables } from '../generated/admin.generated';

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

export type { ShopInfoQuery, ShopInfoQueryVariables };
