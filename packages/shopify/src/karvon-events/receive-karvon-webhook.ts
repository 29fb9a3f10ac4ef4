import { verifyWebhook, WebhookVerificationError } from '@karvon/sdk/webhooks';
import type { AppLogger } from '../app-logger';
import type { ShopifyStore } from '../storage/shopify-store';
import { KARVON_EVENT_TOPIC_PREFIX } from '../webhooks/topics';

export interface ReceiveKarvonWebhookDeps {
  store: Pick<ShopifyStore, 'connections' | 'inbox'>;
  logger: AppLogger;
  onStored?: () => void;
}

/**
 * `POST /karvon/webhooks/{connectionId}`: events from the merchant's Karvon account. The path names
 * the connection, so the app knows whose `whsec_` secret verifies the Standard Webhooks signature
 * before reading anything else. Verified events join the same inbox as Shopify's, keyed by the
 * event's `webhook-id`, so a retried delivery is stored once and processed once.
 */
export async function receiveKarvonWebhook(
  deps: ReceiveKarvonWebhookDeps,
  connectionId: string,
  request: Request,
): Promise<Response> {
  const connection = await deps.store.connections.getById(connectionId);
  if (!connection?.webhookSecret) return Response.json({ code: 'unknown_connection' }, { status: 404 });
  const rawBody = await request.text();
  let event: Awaited<ReturnType<typeof verifyWebhook>>;
  try {
    event = await verifyWebhook(rawBody, request.headers, connection.webhookSecret);
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      deps.logger.warn('karvon webhook rejected', { connectionId, reason: error.reason });
      return Response.json({ code: `webhook_${error.reason}` }, { status: 401 });
    }
    throw error;
  }
  const { inserted } = await deps.store.inbox.insert({
    shop: connection.shop,
    eventId: event.id,
    topic: `${KARVON_EVENT_TOPIC_PREFIX}${event.type}`,
    webhookId: request.headers.get('webhook-id'),
    apiVersion: event.apiVersion ?? null,
    payload: rawBody,
  });
  if (inserted) deps.onStored?.();
  return Response.json({ received: true, duplicate: !inserted }, { status: 200 });
}
