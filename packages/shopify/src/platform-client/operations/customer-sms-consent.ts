import { adminOperation } from '../admin-operation';
import type {
  CustomerConsentCollectedFrom,
  CustomerMarketingOptInLevel,
  CustomerSmsMarketingState,
  DateTime,
  ID,
} from './admin-types';

// https://shopify.dev/docs/api/admin-graphql/2026-10/queries/customer
// `defaultPhoneNumber.phoneNumber` rather than the deprecated `Customer.phone`; the consent is
// `Customer.smsMarketingConsent` (CustomerSmsMarketingConsentState), the object the
// customerSmsMarketingConsentUpdate mutation writes.
export const CUSTOMER_SMS_CONSENT_QUERY = adminOperation<
  CustomerSmsConsentQuery,
  CustomerSmsConsentQueryVariables
>(`#graphql
  query CustomerSmsConsent($id: ID!) {
    customer(id: $id) {
      id
      firstName
      locale
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
`);

export interface CustomerSmsConsentQueryVariables {
  id: ID;
}

export interface CustomerSmsMarketingConsentFields {
  marketingState: CustomerSmsMarketingState;
  marketingOptInLevel: CustomerMarketingOptInLevel | null;
  consentUpdatedAt: DateTime | null;
  consentCollectedFrom: CustomerConsentCollectedFrom | null;
}

export interface CustomerSmsConsentQuery {
  customer: {
    id: ID;
    firstName: string | null;
    locale: string | null;
    defaultPhoneNumber: { phoneNumber: string } | null;
    smsMarketingConsent: CustomerSmsMarketingConsentFields | null;
  } | null;
}
