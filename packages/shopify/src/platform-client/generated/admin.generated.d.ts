/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type ActiveSubscriptionsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ActiveSubscriptionsQuery = { currentAppInstallation: (
    Pick<AdminTypes.AppInstallation, 'id'>
    & { activeSubscriptions: Array<(
      Pick<AdminTypes.AppSubscription, 'id' | 'name' | 'status' | 'test'>
      & { lineItems: Array<(
        Pick<AdminTypes.AppSubscriptionLineItem, 'id'>
        & { plan: { pricingDetails: { __typename: 'AppRecurringPricing' } | (
            { __typename: 'AppUsagePricing' }
            & Pick<AdminTypes.AppUsagePricing, 'terms'>
            & { cappedAmount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, balanceUsed: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          ) } }
      )> }
    )> }
  ) };

export type AppSubscriptionCreateMutationVariables = AdminTypes.Exact<{
  name: AdminTypes.Scalars['String']['input'];
  returnUrl: AdminTypes.Scalars['URL']['input'];
  test?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  lineItems: Array<AdminTypes.AppSubscriptionLineItemInput> | AdminTypes.AppSubscriptionLineItemInput;
}>;


export type AppSubscriptionCreateMutation = { appSubscriptionCreate?: AdminTypes.Maybe<(
    Pick<AdminTypes.AppSubscriptionCreatePayload, 'confirmationUrl'>
    & { appSubscription?: AdminTypes.Maybe<Pick<AdminTypes.AppSubscription, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }
  )> };

export type AppUsageRecordCreateMutationVariables = AdminTypes.Exact<{
  subscriptionLineItemId: AdminTypes.Scalars['ID']['input'];
  price: AdminTypes.MoneyInput;
  description: AdminTypes.Scalars['String']['input'];
  idempotencyKey?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AppUsageRecordCreateMutation = { appUsageRecordCreate?: AdminTypes.Maybe<{ appUsageRecord?: AdminTypes.Maybe<(
      Pick<AdminTypes.AppUsageRecord, 'id' | 'description' | 'idempotencyKey'>
      & { price: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type CustomerSmsConsentQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type CustomerSmsConsentQuery = { customer?: AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id' | 'firstName' | 'locale'>
    & { defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, smsMarketingConsent?: AdminTypes.Maybe<Pick<AdminTypes.CustomerSmsMarketingConsentState, 'marketingState' | 'marketingOptInLevel' | 'consentUpdatedAt' | 'consentCollectedFrom'>> }
  )> };

export type CustomerSmsMarketingConsentUpdateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.CustomerSmsMarketingConsentUpdateInput;
}>;


export type CustomerSmsMarketingConsentUpdateMutation = { customerSmsMarketingConsentUpdate?: AdminTypes.Maybe<{ customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id'>
      & { smsMarketingConsent?: AdminTypes.Maybe<Pick<AdminTypes.CustomerSmsMarketingConsentState, 'marketingState' | 'marketingOptInLevel' | 'consentUpdatedAt' | 'consentCollectedFrom'>> }
    )>, userErrors: Array<Pick<AdminTypes.CustomerSmsMarketingConsentError, 'field' | 'message' | 'code'>> }> };

export type CustomersByPhoneQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type CustomersByPhoneQuery = { customers: { nodes: Array<(
      Pick<AdminTypes.Customer, 'id'>
      & { defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>>, smsMarketingConsent?: AdminTypes.Maybe<Pick<AdminTypes.CustomerSmsMarketingConsentState, 'marketingState' | 'marketingOptInLevel' | 'consentUpdatedAt' | 'consentCollectedFrom'>> }
    )> } };

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'currencyCode' | 'myshopifyDomain' | 'contactEmail'> };

interface GeneratedQueryTypes {
  "#graphql\n  query ActiveSubscriptions {\n    currentAppInstallation {\n      id\n      activeSubscriptions {\n        id\n        name\n        status\n        test\n        lineItems {\n          id\n          plan {\n            pricingDetails {\n              __typename\n              ... on AppUsagePricing {\n                terms\n                cappedAmount {\n                  amount\n                  currencyCode\n                }\n                balanceUsed {\n                  amount\n                  currencyCode\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ActiveSubscriptionsQuery, variables: ActiveSubscriptionsQueryVariables},
  "#graphql\n  query CustomerSmsConsent($id: ID!) {\n    customer(id: $id) {\n      id\n      firstName\n      locale\n      defaultPhoneNumber {\n        phoneNumber\n      }\n      smsMarketingConsent {\n        marketingState\n        marketingOptInLevel\n        consentUpdatedAt\n        consentCollectedFrom\n      }\n    }\n  }\n": {return: CustomerSmsConsentQuery, variables: CustomerSmsConsentQueryVariables},
  "#graphql\n  query CustomersByPhone($query: String!, $first: Int!) {\n    customers(first: $first, query: $query) {\n      nodes {\n        id\n        defaultPhoneNumber {\n          phoneNumber\n        }\n        smsMarketingConsent {\n          marketingState\n          marketingOptInLevel\n          consentUpdatedAt\n          consentCollectedFrom\n        }\n      }\n    }\n  }\n": {return: CustomersByPhoneQuery, variables: CustomersByPhoneQueryVariables},
  "#graphql\n  query ShopInfo {\n    shop {\n      name\n      currencyCode\n      myshopifyDomain\n      contactEmail\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation AppSubscriptionCreate(\n    $name: String!\n    $returnUrl: URL!\n    $test: Boolean\n    $lineItems: [AppSubscriptionLineItemInput!]!\n  ) {\n    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, test: $test, lineItems: $lineItems) {\n      appSubscription {\n        id\n        status\n      }\n      confirmationUrl\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: AppSubscriptionCreateMutation, variables: AppSubscriptionCreateMutationVariables},
  "#graphql\n  mutation AppUsageRecordCreate(\n    $subscriptionLineItemId: ID!\n    $price: MoneyInput!\n    $description: String!\n    $idempotencyKey: String\n  ) {\n    appUsageRecordCreate(\n      subscriptionLineItemId: $subscriptionLineItemId\n      price: $price\n      description: $description\n      idempotencyKey: $idempotencyKey\n    ) {\n      appUsageRecord {\n        id\n        price {\n          amount\n          currencyCode\n        }\n        description\n        idempotencyKey\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: AppUsageRecordCreateMutation, variables: AppUsageRecordCreateMutationVariables},
  "#graphql\n  mutation CustomerSmsMarketingConsentUpdate($input: CustomerSmsMarketingConsentUpdateInput!) {\n    customerSmsMarketingConsentUpdate(input: $input) {\n      customer {\n        id\n        smsMarketingConsent {\n          marketingState\n          marketingOptInLevel\n          consentUpdatedAt\n          consentCollectedFrom\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CustomerSmsMarketingConsentUpdateMutation, variables: CustomerSmsMarketingConsentUpdateMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
