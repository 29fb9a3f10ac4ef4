import { adminOperation } from '../admin-operation';
import type { ActiveSubscriptionsQuery, ActiveSubscriptionsQueryVariables } from '../generated/admin.generated';
import type { MoneyV2 } from './admin-types';

// https://shopify.dev/docs/api/admin-graphql/2026-10/queries/currentAppInstallation
// https://shopify.dev/docs/api/admin-graphql/2026-10/objects/AppUsagePricing
export const ACTIVE_SUBSCRIPTIONS_QUERY = adminOperation<
  ActiveSubscriptionsQuery,
  ActiveSubscriptionsQueryVariables
>(`#graphql
  query ActiveSubscriptions {
    currentAppInstallation {
      id
      activeSubscriptions {
        id
        name
        status
        test
        lineItems {
          id
          plan {
            pricingDetails {
              __typename
              ... on AppUsagePricing {
                terms
                cappedAmount {
                  amount
                  currencyCode
                }
                balanceUsed {
                  amount
                  currencyCode
                }
              }
            }
          }
        }
      }
    }
  }
`);

export type AppPricingDetails =
  | { __typename: 'AppUsagePricing'; terms: string; cappedAmount: MoneyV2; balanceUsed: MoneyV2 }
  | { __typename: 'AppRecurringPricing' };

export type { ActiveSubscriptionsQuery, ActiveSubscriptionsQueryVariables };
