import { adminOperation } from '../admin-operation';
import type { CustomersByPhoneQuery, CustomersByPhoneQueryVariables } from '../generated/admin.generated';

// https://shopify.dev/docs/api/admin-graphql/2026-10/queries/customers (query filter `phone`)
export const CUSTOMERS_BY_PHONE_QUERY = adminOperation<CustomersByPhoneQuery, CustomersByPhoneQueryVariables>(`#graphql
  query CustomersByPhone($query: String!, $first: Int!) {
    customers(first: $first, query: $query) {
      nodes {
        id
        defaultPhoneNumber {
          phoneNumber
        }
        smsMarketingConsent {
          marketingState
          marketingOptInLevel
          consentUpdatedAt
          consentCollectedFrom
        }
      }
    }
  }
`);

/** The search filter for one E.164 number, quoted so `+` is not read as search syntax. */
export function customersByPhoneQuery(phone: string): string {
  return `phone:"${phone.replaceAll(/["\\]/g, '')}"`;
}

export type { CustomersByPhoneQuery, CustomersByPhoneQueryVariables };
