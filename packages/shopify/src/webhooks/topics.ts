/**
 * The Shopify webhook topics the app subscribes to in shopify.app.toml, with one handler each.
 * A test in examples/shopify-app checks the TOML declares exactly these.
 */
export const HANDLED_WEBHOOK_TOPICS = [
  'orders/create',
  'orders/fulfilled',
  'orders/cancelled',
  'fulfillments/create',
  'fulfillments/update',
  'checkouts/create',
  'customers_marketing_consent/update',
  'app/uninstalled',
] as const;

/** Mandatory for every App Store app; declared as `compliance_topics` in the TOML. */
export const COMPLIANCE_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;

export type HandledWebhookTopic = (typeof HANDLED_WEBHOOK_TOPICS)[number];
export type ComplianceTopic = (typeof COMPLIANCE_TOPICS)[number];
export type ShopifyWebhookTopic = HandledWebhookTopic | ComplianceTopic;

const KNOWN = new Set<string>([...HANDLED_WEBHOOK_TOPICS, ...COMPLIANCE_TOPICS]);
export function isShopifyWebhookTopic(topic: string): topic is ShopifyWebhookTopic {
  return KNOWN.has(topic);
}

/**
 * Events the Karvon gateway sends to `/karvon/webhooks/{connectionId}` go through the same inbox,
 * under these topic names, so they too are processed once and survive a restart.
 */
export const KARVON_EVENT_TOPIC_PREFIX = 'karvon/';
