export { adapterBattery } from './adapter-conformance/adapter-battery';
export type { AdapterCustomer, AdapterHarness } from './adapter-conformance/adapter-harness';
export {
  type ScriptedHandler,
  type ScriptedReply,
  type ScriptedRequest,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-server';
export { createFakeShop, type FakeShop, type FakeShopOptions } from './shopify/fake-shop';
export { DEFAULT_OPERATION_COSTS } from './shopify/fake-shop-graphql';
export type { FakeTokenResponse } from './shopify/fake-shop-oauth';
export type {
  FakeCustomer,
  FakeShopRequest,
  FakeShopRequestKind,
  FakeSubscription,
  FakeUsageRecord,
} from './shopify/fake-shop-state';
export { FakeThrottleBucket, type ThrottleStatus } from './shopify/fake-throttle-bucket';
export { type MintSessionTokenOptions, mintSessionToken } from './shopify/mint-session-token';
export {
  type SignedShopifyWebhook,
  type SignShopifyWebhookOptions,
  signShopifyWebhook,
} from './shopify/sign-shopify-webhook';
export { describeUnless, recordSkip } from './skip-unless';
