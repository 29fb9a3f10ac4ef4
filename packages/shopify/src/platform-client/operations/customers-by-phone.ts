import { adminOperation } from '../admin-operation';
import type { ID } from './admin-types';
import type { CustomerSmsMarketingConsentFields } from './customer-sms-consent';

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

export interface CustomersByPhoneQueryVariables {
  /** Search syntax, e.g. `phone:"+998901234567"` (see customersByPhoneQuery). */
  query: string;
  first: number;
}

export interface CustomersByPhoneQuery {
  customers: {
    nodes: {
      id: ID;
      defaultPhoneNumber: { phoneNumber: string } | null;
      smsMarketingConsent: CustomerSmsMarketingConsentFields | null;
    }[];
  };
}

/** The search filter for one E.164 number, quoted so `+` is not read as search syntax. */
export function customersByPhoneQuery(phone: string): string {
  return `phone:"${phone.replaceAll(/["\\]/g, '')}"`;
}
