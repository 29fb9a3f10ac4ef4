// @karvon/shopify: order and shipping SMS for Shopify merchants through Karvon.
// The composition root first; then the pieces an app assembles differently (another framework,
// another queue), each documented where it is defined.

export { type AdminApiDeps, type AdminApiHandler, createAdminApi } from './admin/admin-api';
// Admin page and its JSON API
export { ADMIN_ERROR_CODES } from './admin/admin-error';
export { APP_BRIDGE_URL, POLARIS_URL, renderAdminPage } from './admin/admin-page';
export { adminPageHeaders } from './admin/admin-page-headers';
export { GATEWAY_WEBHOOK_EVENTS, gatewayWebhookUrl } from './admin/gateway-webhook-events';
export { SHOPIFY_ADMIN_API_VERSION } from './api-version';
export { createShopifyApp, type ShopifyApp, type ShopifyAppOptions } from './app';
export { type AppLogger, jsonLinesLogger, silentLogger } from './app-logger';
export { chargeForSms } from './billing/charge-for-sms';
export { ensureUsageSubscription } from './billing/ensure-usage-subscription';
// Webhooks in, notifications, consent, billing, compliance
export { type ComplianceDataExport, complianceHandlers } from './compliance/compliance-handlers';
export {
  parseShopifyAppConfig,
  type ShopifyAppConfig,
  type ShopifyAppConfigInput,
  shopifyAppConfigSchema,
} from './config';
export { applyKarvonOptOut, type OptOutSyncResult } from './consent/apply-karvon-opt-out';
export { mayReceiveMarketing } from './consent/may-receive-marketing';
export { recordShopifyConsent } from './consent/record-shopify-consent';
export { receiveKarvonWebhook } from './karvon-events/receive-karvon-webhook';
// Running on node:http
export { sendWebResponse, toWebRequest } from './node-http/node-http-bridge';
export { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES, type TemplateVariable } from './notifications/default-templates';
export { renderTemplate } from './notifications/render-template';
export { type NotificationOutcome, sendNotification } from './notifications/send-notification';
export { type AdminGraphql, createAdminGraphql } from './platform-client/admin-graphql';
// Shopify platform client
export {
  type AdminContext,
  type AuthenticateAdmin,
  createAuthenticateAdmin,
} from './platform-client/authenticate-admin';
export { createShopifyApi, type ShopifyApi } from './platform-client/create-shopify-api';
export { createOfflineSessionManager, type OfflineSessionManager } from './platform-client/offline-session-manager';
export { ShopifyPlatformError } from './platform-client/shopify-platform-error';
// Storage
export { type OpenShopifyStoreOptions, openShopifyStore } from './storage/open-shopify-store';
export type {
  ConnectionStore,
  ConsentRecord,
  InboxEvent,
  NotificationKind,
  NotificationRecord,
  ShopConnection,
  ShopifyStore,
  ShopSettings,
  TemplateLocale,
  TemplateRecord,
} from './storage/shopify-store';
export { NOTIFICATION_KINDS, TEMPLATE_LOCALES } from './storage/shopify-store';
export { orderHandlers } from './webhooks/handlers/order-handlers';
export { createInboxWorker, type InboxHandler, type InboxWorker } from './webhooks/inbox-worker';
export { receiveShopifyWebhook } from './webhooks/receive-shopify-webhook';
export { COMPLIANCE_TOPICS, HANDLED_WEBHOOK_TOPICS, KARVON_EVENT_TOPIC_PREFIX } from './webhooks/topics';
