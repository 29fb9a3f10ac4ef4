import { adminOperation } from '../admin-operation';
import type { AppUsageRecordCreateMutation, AppUsageRecordCreateMutationVariables } from '../generated/admin.generated';

// https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/appUsageRecordCreate
export const APP_USAGE_RECORD_CREATE_MUTATION = adminOperation<
  AppUsageRecordCreateMutation,
  AppUsageRecordCreateMutationVariables
>(`#graphql
  mutation AppUsageRecordCreate(
    $subscriptionLineItemId: ID!
    $price: MoneyInput!
    $description: String!
    $idempotencyKey: String
  ) {
    appUsageRecordCreate(
      subscriptionLineItemId: $subscriptionLineItemId
      price: $price
      description: $description
      idempotencyKey: $idempotencyKey
    ) {
      appUsageRecord {
        id
        price {
          amount
          currencyCode
        }
        description
        idempotencyKey
      }
      userErrors {
        field
        message
      }
    }
  }
`);

export type { AppUsageRecordCreateMutation, AppUsageRecordCreateMutationVariables };
