import { adminOperation } from '../admin-operation';
import type { ID, MoneyInput, MoneyV2, UserError } from './admin-types';

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

export interface AppUsageRecordCreateMutationVariables {
  subscriptionLineItemId: ID;
  price: MoneyInput;
  description: string;
  /** At most 255 characters; a repeat with the same key does not charge twice. */
  idempotencyKey?: string;
}

export interface AppUsageRecordCreateMutation {
  appUsageRecordCreate: {
    appUsageRecord: { id: ID; price: MoneyV2; description: string; idempotencyKey: string | null } | null;
    userErrors: UserError[];
  } | null;
}
