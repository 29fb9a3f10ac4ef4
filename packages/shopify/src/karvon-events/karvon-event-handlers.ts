import type { InboxEvent, ShopifyStore } from '../storage/shopify-store';
import type { InboxHandler } from '../webhooks/inbox-worker';
import { KARVON_EVENT_TOPIC_PREFIX } from '../webhooks/topics';

interface KarvonEventPayload {
  type: string;
  data: Record<string, unknown>;
}

export interface KarvonEventHandlerDeps {
  store: Pick<ShopifyStore, 'notifications'>;
  /** A STOP or START at the gateway: mirror it into Shopify's SMS marketing consent. */
  onOptOutChanged(shop: string, change: { phone: string; optedOut: boolean; changedAt: string | null }): Promise<void>;
}

/**
 * Handlers for the events the gateway sends the app. `message.*` updates the message log (the
 * message's current status is in every event, so order of arrival does not matter for the final
 * state the gateway reports); `opt_out.changed` goes to consent sync.
 */
export function karvonEventHandlers(deps: KarvonEventHandlerDeps): (topic: string) => InboxHandler | undefined {
  const messageStatus: InboxHandler = async (_event: InboxEvent, payload) => {
    const { data } = payload as KarvonEventPayload;
    const messageId = typeof data.messageId === 'string' ? data.messageId : null;
    const status = typeof data.status === 'string' ? data.status : null;
    if (!messageId || !status) return;
    const error = data.error as { reason?: unknown; code?: unknown } | undefined;
    const reason = error ? `${String(error.code ?? '')}${error.reason ? `: ${String(error.reason)}` : ''}` : null;
    await deps.store.notifications.updateGatewayStatus(messageId, status, reason);
  };
  const optOutChanged: InboxHandler = async (event, payload) => {
    const { data } = payload as KarvonEventPayload;
    if (typeof data.phoneNumber !== 'string' || typeof data.optedOut !== 'boolean') return;
    await deps.onOptOutChanged(event.shop, {
      phone: data.phoneNumber,
      optedOut: data.optedOut,
      changedAt: typeof data.changedAt === 'string' ? data.changedAt : null,
    });
  };
  const ignore: InboxHandler = async () => {};
  return (topic) => {
    if (!topic.startsWith(KARVON_EVENT_TOPIC_PREFIX)) return undefined;
    const type = topic.slice(KARVON_EVENT_TOPIC_PREFIX.length);
    if (type === 'opt_out.changed') return optOutChanged;
    if (type.startsWith('message.') && type !== 'message.inbound') return messageStatus;
    // Replies and event types added to the gateway later: acknowledged, nothing to do.
    return ignore;
  };
}
