import { createHmac, randomUUID } from 'node:crypto';

export interface SignShopifyWebhookOptions {
  /** The app's client secret, which Shopify signs webhooks with. */
  secret: string;
  /** `orders/create`, `customers_marketing_consent/update`… */
  topic: string;
  shop: string;
  /** `X-Shopify-Event-Id`: the same on every redelivery of one event. */
  eventId: string;
  /** `X-Shopify-Webhook-Id`: new per delivery attempt; random when omitted. */
  webhookId?: string;
  apiVersion: string;
  /** An object is serialised with JSON.stringify; a string is sent byte for byte. */
  body: unknown;
  /** `X-Shopify-Triggered-At`; now when omitted. */
  triggeredAt?: string;
}

export interface SignedShopifyWebhook {
  headers: Record<string, string>;
  /** The exact bytes the HMAC covers: send these, not a re-serialisation. */
  body: string;
}

/**
 * A webhook delivery as Shopify sends it over HTTPS: the headers listed at
 * https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify
 * with `X-Shopify-Hmac-Sha256` = base64 of HMAC-SHA256(raw body, app secret).
 */
export function signShopifyWebhook(options: SignShopifyWebhookOptions): SignedShopifyWebhook {
  const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const hmac = createHmac('sha256', options.secret).update(body, 'utf8').digest('base64');
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': options.topic,
      'X-Shopify-Hmac-Sha256': hmac,
      'X-Shopify-Shop-Domain': options.shop,
      'X-Shopify-API-Version': options.apiVersion,
      'X-Shopify-Webhook-Id': options.webhookId ?? randomUUID(),
      'X-Shopify-Event-Id': options.eventId,
      'X-Shopify-Triggered-At': options.triggeredAt ?? new Date().toISOString(),
    },
  };
}
