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
  if (!connection?.webhookSecret) return json(404, { code: 'unknown_connection' });
  const rawBody = await request.text();
  let event: Awaited<ReturnType<typeof verifyWebhook>>;
  try {
    event = await verifyWebhook(rawBody, request.headers, connection.webhookSecret);
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      deps.logger.warn('karvon webhook rejected', { connectionId, reason: error.reason });
      return json(401, { code: `webhook_${error.reason}` });
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
  return json(200, { received: true, duplicate: !inserted });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
