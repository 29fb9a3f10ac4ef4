import type { KnownWebhookEvent, UnknownWebhookEvent } from '@karvon/contract';
import { WEBHOOK_EVENT_TYPES } from '@karvon/contract';

/**
 * A correctly signed event of a type this SDK version does not know (a newer
 * gateway may send more). Same envelope; `data` is untyped.
 */
export type UnknownEvent = UnknownWebhookEvent;

/**
 * What `verifyWebhook` returns. TypeScript cannot exclude an open `string`
 * member from a `case 'literal':`, so first set unknown types aside with
 * {@link isKnownWebhookEvent}; after that, `switch (event.type)` narrows every
 * case to its own `data`:
 *
 *     if (!isKnownWebhookEvent(event)) return acknowledge();
 *     switch (event.type) { case 'message.delivered': event.data.messageId; }
 */
export type WebhookEvent = KnownWebhookEvent | UnknownEvent;

const KNOWN: ReadonlySet<string> = new Set<string>(WEBHOOK_EVENT_TYPES);

/** True when the event's `type` is one this SDK version knows. */
export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  return KNOWN.has(event.type);
}
