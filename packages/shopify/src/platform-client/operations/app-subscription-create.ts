import { adminOperation } from '../admin-operation';
import type {
  AppSubscriptionCreateMutation,
  AppSubscriptionCreateMutationVariables,
} from '../generated/admin.generated';

// https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/appSubscriptionCreate
// https://shopify.dev/docs/apps/launch/billing/subscription-billing/create-usage-based-subscriptions
export const APP_SUBSCRIPTION_CREATE_MUTATION = adminOperation<
  AppSubscriptionCreateMutation,
  AppSubscriptionCreateMutationVariables
>(`#graphql
  mutation AppSubscriptionCreate(
    $name: String!
    $returnUrl: URL!
    $test: Boolean
    $lineItems: [AppSubscriptionLineItemInput!]!
  ) {
    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, test: $test, lineItems: $lineItems) {
      appSubscription {
        id
        status
      }
      confirmationUrl
      userErrors {
        field
        message
      }
    }
  }
`);

export type { AppSubscriptionCreateMutation, AppSubscriptionCreateMutationVariables };
