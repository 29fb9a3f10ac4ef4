import type { AdminGraphql } from '../platform-client/admin-graphql';
import { ACTIVE_SUBSCRIPTIONS_QUERY } from '../platform-client/operations/active-subscriptions';
import type { MoneyV2 } from '../platform-client/operations/admin-types';

export interface UsageLineItem {
  subscriptionId: string;
  /** The id appUsageRecordCreate charges against. */
  lineItemId: string;
  cappedAmount: MoneyV2;
  balanceUsed: MoneyV2;
}

/** The usage-priced line item of the app's active subscription on this shop, if the merchant approved one. */
export async function findUsageLineItem(graphql: AdminGraphql): Promise<UsageLineItem | null> {
  const { currentAppInstallation } = await graphql(ACTIVE_SUBSCRIPTIONS_QUERY);
  for (const subscription of currentAppInstallation.activeSubscriptions) {
    for (const item of subscription.lineItems) {
      const pricing = item.plan.pricingDetails;
      if (pricing.__typename === 'AppUsagePricing') {
        return {
          subscriptionId: subscription.id,
          lineItemId: item.id,
          cappedAmount: pricing.cappedAmount,
          balanceUsed: pricing.balanceUsed,
        };
      }
    }
  }
  return null;
}
