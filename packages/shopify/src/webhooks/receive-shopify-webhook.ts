import type { Shopify } from '@shopify/shopify-api';
import type { AppLogger } from '../app-logger';
import type { ShopifyStore } from '../storage/shopify-store';
import { isShopifyWebhookTopic } from './topics';

export interface ReceiveShopifyWebhookDeps {
  shopify: Pick<Shopify, 'webhooks'>;
  store: Pick<ShopifyStore, 'inbox'>;
  logger: AppLogger;
  /** Called after a new event is stored, so the worker picks it up without waiting for its poll. */
  onStored?: () => void;
}

/**
 * The endpoint Shopify posts every subscribed and compliance topic to. The HMAC is checked by
 * `@shopify/shopify-api` on the raw body (parsing first would change the bytes); a verified event
 * is written to the inbox before the 200, so a crash after the answer loses nothing, and a
 * redelivery (same shop and `X-Shopify-Event-Id`) is acknowledged without a second row.
 */
export async function receiveShopifyWebhook(deps: ReceiveShopifyWebhookDeps, request: Request): Promise<Response> {
  const rawBody = await request.text();
  const check = await deps.shopify.webhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) {
    // Shopify expects 401 for an HMAC that does not hold, compliance topics included.
    const status = check.reason === 'invalid_hmac' || check.reason === 'missing_hmac' ? 401 : 400;
    deps.logger.warn('shopify webhook rejected', { reason: check.reason });
    return Response.json({ code: `webhook_${check.reason}` }, { status });
  }
  const shop = check.domain;
  // The library reports the topic in its GraphQL enum form (ORDERS_CREATE); the header keeps the
  // REST form (orders/create) the TOML and our handlers use, and is unambiguous.
  const topic = request.headers.get('x-shopify-topic') ?? check.topic;
  if (!isShopifyWebhookTopic(topic)) {
    // Subscribed by mistake or a topic added later: acknowledged, not stored.
    deps.logger.info('shopify webhook topic not handled', { shop, topic });
    return Response.json({ ignored: true }, { status: 200 });
  }
  // Compliance topics may come without an event id; their webhook id is stable across retries too.
  const eventId = ('eventId' in check && check.eventId) || check.webhookId;
  const { inserted } = await deps.store.inbox.insert({
    shop,
    eventId,
    topic,
    webhookId: check.webhookId ?? null,
    apiVersion: check.apiVersion ?? null,
    payload: rawBody,
  });
  if (inserted) deps.onStored?.();
  else deps.logger.info('shopify webhook redelivered', { shop, topic, eventId });
  return Response.json({ received: true, duplicate: !inserted }, { status: 200 });
}
