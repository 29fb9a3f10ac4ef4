import type { Open } from '../common/open';

/** Every webhook event type this version knows. */
export const WEBHOOK_EVENT_TYPES = [
  'message.queued',
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.bounced',
  'message.expired',
  'message.canceled',
  'message.unknown',
  'message.inbound',
  'opt_out.changed',
] as const;

export type KnownWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Open: endpoints receive event types added after this version was built. */
export type WebhookEventType = Open<KnownWebhookEventType>;

/** The events that report a status change of an outbound message. */
export const MESSAGE_WEBHOOK_EVENT_TYPES = [
  'message.queued',
  'message.sent',
  'message.delivered',
  'message.failed',
  'message.bounced',
  'message.expired',
  'message.canceled',
  'message.unknown',
] as const satisfies readonly KnownWebhookEventType[];

export type MessageWebhookEventType = (typeof MESSAGE_WEBHOOK_EVENT_TYPES)[number];

export function isKnownWebhookEventType(value: unknown): value is KnownWebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
