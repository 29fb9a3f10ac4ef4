import type { UnknownWebhookEvent } from '@karvon/contract';

/**
 * The event union and its guard are the contract's; this module names them for the webhooks
 * subpath. TypeScript cannot exclude an open `string` member from a `case 'literal':`, so first set
 * unknown types aside with `isKnownWebhookEvent`; after that, `switch (event.type)` narrows every
 * case to its own `data`:
 *
 *     if (!isKnownWebhookEvent(event)) return acknowledge();
 *     switch (event.type) { case 'message.delivered': event.data.messageId; }
 */
export { isKnownWebhookEvent, type WebhookEvent } from '@karvon/contract';

/**
 * A correctly signed event of a type this SDK version does not know (a newer
 * gateway may send more). Same envelope; `data` is untyped.
 */
export type UnknownEvent = UnknownWebhookEvent;
