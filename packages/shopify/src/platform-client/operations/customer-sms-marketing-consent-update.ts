import { adminOperation } from '../admin-operation';
import type {
  CustomerSmsMarketingConsentUpdateMutation,
  CustomerSmsMarketingConsentUpdateMutationVariables,
} from '../generated/admin.generated';

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

/** https://shopify.dev/docs/api/admin-graphql/2026-10/enums/CustomerSmsMarketingConsentErrorCode */
export type CustomerSmsMarketingConsentErrorCode = 'INCLUSION' | 'INTERNAL_ERROR' | 'INVALID' | 'MISSING_ARGUMENT';

export type { CustomerSmsMarketingConsentUpdateMutation, CustomerSmsMarketingConsentUpdateMutationVariables };
