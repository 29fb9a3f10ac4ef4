import { adminOperation } from '../admin-operation';
import type { CustomerMarketingOptInLevel, CustomerSmsMarketingState, DateTime, ID } from './admin-types';
import type { CustomerSmsMarketingConsentFields } from './customer-sms-consent';

// https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/customerSmsMarketingConsentUpdate
export const CUSTOMER_SMS_MARKETING_CONSENT_UPDATE_MUTATION = adminOperation<
  CustomerSmsMarketingConsentUpdateMutation,
  CustomerSmsMarketingConsentUpdateMutationVariables
>(`#graphql
  mutation CustomerSmsMarketingConsentUpdate($input: CustomerSmsMarketingConsentUpdateInput!) {
    customerSmsMarketingConsentUpdate(input: $input) {
      customer {
        id
        smsMarketingConsent {
          marketingState
          marketingOptInLevel
          consentUpdatedAt
          consentCollectedFrom
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export interface CustomerSmsMarketingConsentUpdateMutationVariables {
  input: {
    customerId: ID;
    smsMarketingConsent: {
      marketingState: CustomerSmsMarketingState;
      marketingOptInLevel?: CustomerMarketingOptInLevel;
      consentUpdatedAt?: DateTime;
    };
  };
}

/** https://shopify.dev/docs/api/admin-graphql/2026-10/enums/CustomerSmsMarketingConsentErrorCode */
export type CustomerSmsMarketingConsentErrorCode = 'INCLUSION' | 'INTERNAL_ERROR' | 'INVALID' | 'MISSING_ARGUMENT';

export interface CustomerSmsMarketingConsentUpdateMutation {
  customerSmsMarketingConsentUpdate: {
    customer: { id: ID; smsMarketingConsent: CustomerSmsMarketingConsentFields | null } | null;
    userErrors: { field: string[] | null; message: string; code: CustomerSmsMarketingConsentErrorCode | null }[];
  } | null;
}
