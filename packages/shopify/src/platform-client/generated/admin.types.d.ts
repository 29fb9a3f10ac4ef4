export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
  Decimal: { input: string; output: string; }
  URL: { input: string; output: string; }
};

export type AppInstallation = {
  __typename?: 'AppInstallation';
  activeSubscriptions: Array<AppSubscription>;
  id: Scalars['ID']['output'];
};

export type AppPlanInput = {
  appUsagePricingDetails?: InputMaybe<AppUsagePricingInput>;
};

export type AppPlanV2 = {
  __typename?: 'AppPlanV2';
  pricingDetails: AppPricingDetails;
};

export type AppPricingDetails = AppRecurringPricing | AppUsagePricing;

export type AppRecurringPricing = {
  __typename?: 'AppRecurringPricing';
  price: MoneyV2;
};

export type AppSubscription = {
  __typename?: 'AppSubscription';
  id: Scalars['ID']['output'];
  lineItems: Array<AppSubscriptionLineItem>;
  name: Scalars['String']['output'];
  status: AppSubscriptionStatus;
  test: Scalars['Boolean']['output'];
};

export type AppSubscriptionCreatePayload = {
  __typename?: 'AppSubscriptionCreatePayload';
  appSubscription?: Maybe<AppSubscription>;
  confirmationUrl?: Maybe<Scalars['URL']['output']>;
  userErrors: Array<UserError>;
};

export type AppSubscriptionLineItem = {
  __typename?: 'AppSubscriptionLineItem';
  id: Scalars['ID']['output'];
  plan: AppPlanV2;
};

export type AppSubscriptionLineItemInput = {
  plan: AppPlanInput;
};

export type AppSubscriptionReplacementBehavior =
  | 'APPLY_IMMEDIATELY'
  | 'APPLY_ON_NEXT_BILLING_CYCLE'
  | 'STANDARD';

export type AppSubscriptionStatus =
  | 'ACCEPTED'
  | 'ACTIVE'
  | 'CANCELLED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'FROZEN'
  | 'PENDING';

export type AppUsagePricing = {
  __typename?: 'AppUsagePricing';
  balanceUsed: MoneyV2;
  cappedAmount: MoneyV2;
  terms: Scalars['String']['output'];
};

export type AppUsagePricingInput = {
  cappedAmount: MoneyInput;
  terms: Scalars['String']['input'];
};

export type AppUsageRecord = {
  __typename?: 'AppUsageRecord';
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  price: MoneyV2;
};

export type AppUsageRecordCreatePayload = {
  __typename?: 'AppUsageRecordCreatePayload';
  appUsageRecord?: Maybe<AppUsageRecord>;
  userErrors: Array<UserError>;
};

export type CurrencyCode =
  | 'EUR'
  | 'GBP'
  | 'KZT'
  | 'RUB'
  | 'USD'
  | 'UZS';

export type Customer = {
  __typename?: 'Customer';
  defaultPhoneNumber?: Maybe<CustomerPhoneNumber>;
  firstName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  locale: Scalars['String']['output'];
  smsMarketingConsent?: Maybe<CustomerSmsMarketingConsentState>;
};

export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  nodes: Array<Customer>;
};

export type CustomerConsentCollectedFrom =
  | 'OTHER'
  | 'SHOPIFY';

export type CustomerMarketingOptInLevel =
  | 'CONFIRMED_OPT_IN'
  | 'SINGLE_OPT_IN'
  | 'UNKNOWN';

export type CustomerPhoneNumber = {
  __typename?: 'CustomerPhoneNumber';
  marketingState: CustomerSmsMarketingState;
  phoneNumber: Scalars['String']['output'];
};

export type CustomerSmsMarketingConsentError = {
  __typename?: 'CustomerSmsMarketingConsentError';
  code?: Maybe<CustomerSmsMarketingConsentErrorCode>;
  field?: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

export type CustomerSmsMarketingConsentErrorCode =
  | 'INCLUSION'
  | 'INTERNAL_ERROR'
  | 'INVALID'
  | 'MISSING_ARGUMENT';

export type CustomerSmsMarketingConsentInput = {
  consentUpdatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  marketingOptInLevel?: InputMaybe<CustomerMarketingOptInLevel>;
  marketingState: CustomerSmsMarketingState;
};

export type CustomerSmsMarketingConsentState = {
  __typename?: 'CustomerSmsMarketingConsentState';
  consentCollectedFrom?: Maybe<CustomerConsentCollectedFrom>;
  consentUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
  marketingOptInLevel?: Maybe<CustomerMarketingOptInLevel>;
  marketingState: CustomerSmsMarketingState;
};

export type CustomerSmsMarketingConsentUpdateInput = {
  customerId: Scalars['ID']['input'];
  smsMarketingConsent: CustomerSmsMarketingConsentInput;
};

export type CustomerSmsMarketingConsentUpdatePayload = {
  __typename?: 'CustomerSmsMarketingConsentUpdatePayload';
  customer?: Maybe<Customer>;
  userErrors: Array<CustomerSmsMarketingConsentError>;
};

export type CustomerSmsMarketingState =
  | 'NOT_SUBSCRIBED'
  | 'PENDING'
  | 'REDACTED'
  | 'SUBSCRIBED'
  | 'UNSUBSCRIBED';

export type MoneyInput = {
  amount: Scalars['Decimal']['input'];
  currencyCode: CurrencyCode;
};

export type MoneyV2 = {
  __typename?: 'MoneyV2';
  amount: Scalars['Decimal']['output'];
  currencyCode: CurrencyCode;
};

export type Mutation = {
  __typename?: 'Mutation';
  appSubscriptionCreate?: Maybe<AppSubscriptionCreatePayload>;
  appUsageRecordCreate?: Maybe<AppUsageRecordCreatePayload>;
  customerSmsMarketingConsentUpdate?: Maybe<CustomerSmsMarketingConsentUpdatePayload>;
};


export type MutationAppSubscriptionCreateArgs = {
  lineItems: Array<AppSubscriptionLineItemInput>;
  name: Scalars['String']['input'];
  replacementBehavior?: InputMaybe<AppSubscriptionReplacementBehavior>;
  returnUrl: Scalars['URL']['input'];
  test?: InputMaybe<Scalars['Boolean']['input']>;
  trialDays?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationAppUsageRecordCreateArgs = {
  description: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  price: MoneyInput;
  subscriptionLineItemId: Scalars['ID']['input'];
};


export type MutationCustomerSmsMarketingConsentUpdateArgs = {
  input: CustomerSmsMarketingConsentUpdateInput;
};

export type QueryRoot = {
  __typename?: 'QueryRoot';
  currentAppInstallation: AppInstallation;
  customer?: Maybe<Customer>;
  customers: CustomerConnection;
  shop: Shop;
};


export type QueryRootCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRootCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Shop = {
  __typename?: 'Shop';
  contactEmail: Scalars['String']['output'];
  currencyCode: CurrencyCode;
  id: Scalars['ID']['output'];
  myshopifyDomain: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type UserError = {
  __typename?: 'UserError';
  field?: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};
