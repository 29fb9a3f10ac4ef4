import { adminOperation } from '../admin-operation';
import type { CustomerSmsConsentQuery, CustomerSmsConsentQueryVariables } from '../generated/admin.generated';

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

/** A customer's SMS marketing consent as these operations read it. */
export type CustomerSmsMarketingConsentFields = NonNullable<
  NonNullable<CustomerSmsConsentQuery['customer']>['smsMarketingConsent']
>;

export type { CustomerSmsConsentQuery, CustomerSmsConsentQueryVariables };
