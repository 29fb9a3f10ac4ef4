import type { Karvon } from '@karvon/sdk';

type EndpointEvents = NonNullable<Parameters<Karvon['webhookEndpoints']['create']>[0]['events']>;

/**
 * The gateway events a connection subscribes to: every outbound message status (`message.*` in
 * the contract's WEBHOOK_EVENT_TYPES, `message.inbound` excluded: the app sends, it does not
 * converse) and opt-out changes, which the consent sync mirrors into Shopify.
 */
export const GATEWAY_WEBHOOK_EVENTS = [
  'message.queued',
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.bounced',
  'message.expired',
  'message.canceled',
  'message.unknown',
  'opt_out.changed',
] as const satisfies EndpointEvents;

/** The URL the gateway posts a connection's events to; its last segment names the connection. */
export function gatewayWebhookUrl(appUrl: string, connectionId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/karvon/webhooks/${encodeURIComponent(connectionId)}`;
}
