import type { ShopifyAppConfig } from '../config';
import type { AdminGraphql } from '../platform-client/admin-graphql';
import { asCurrencyCode } from '../platform-client/operations/admin-types';
import { APP_SUBSCRIPTION_CREATE_MUTATION } from '../platform-client/operations/app-subscription-create';
import { ShopifyPlatformError } from '../platform-client/shopify-platform-error';
import { findUsageLineItem } from './find-usage-line-item';

export type UsageSubscriptionState =
  /** Nothing to approve: Karvon bills the merchant's balance. */
  | { active: true; billedBy: 'karvon' }
  | { active: true; billedBy: 'shopify'; subscriptionId: string; lineItemId: string }
  /** Send the merchant to `confirmationUrl` (top-level redirect) to approve the usage charges. */
  | { active: false; billedBy: 'shopify'; subscriptionId: string; confirmationUrl: string };

/**
 * Makes sure an App Store install can be charged per SMS: an active app subscription with a usage
 * line item (https://shopify.dev/docs/apps/launch/billing/subscription-billing/create-usage-based-subscriptions).
 * If none is active it creates one, capped at `billing.cappedAmount`, and answers the URL where the
 * merchant approves it. In `karvon` billing mode there is nothing to do.
 */
export async function ensureUsageSubscription(input: {
  config: ShopifyAppConfig;
  graphql: AdminGraphql;
  shop: string;
  /** Where Shopify sends the merchant after approving (the app's admin URL). */
  returnUrl: string;
}): Promise<UsageSubscriptionState> {
  const billing = input.config.billing;
  if (billing.mode === 'karvon') return { active: true, billedBy: 'karvon' };

  const existing = await findUsageLineItem(input.graphql);
  if (existing) {
    return {
      active: true,
      billedBy: 'shopify',
      subscriptionId: existing.subscriptionId,
      lineItemId: existing.lineItemId,
    };
  }

  const { appSubscriptionCreate: created } = await input.graphql(APP_SUBSCRIPTION_CREATE_MUTATION, {
    name: billing.planName,
    returnUrl: input.returnUrl,
    test: billing.test,
    lineItems: [
      {
        plan: {
          appUsagePricingDetails: {
            terms: `${billing.pricePerSegment} ${billing.currency} per SMS segment`,
            cappedAmount: { amount: billing.cappedAmount, currencyCode: asCurrencyCode(billing.currency) },
          },
        },
      },
    ],
  });
  if (!created?.appSubscription || !created.confirmationUrl || created.userErrors.length > 0) {
    throw new ShopifyPlatformError({
      code: 'user_errors',
      shop: input.shop,
      message: `Shopify refused the usage subscription for ${input.shop}: ${
        created?.userErrors.map((error) => error.message).join('; ') || 'no confirmation URL'
      }`,
    });
  }
  return {
    active: false,
    billedBy: 'shopify',
    subscriptionId: created.appSubscription.id,
    confirmationUrl: created.confirmationUrl,
  };
}
