import type { MessageWebhookEventType } from '../webhooks/webhook-event-types';
import type { KnownMessageStatus, MessageStatus } from './message-status';

/**
 * The message state machine: for each status, the statuses it may move to.
 * Anything not listed is rejected, including staying put (a repeated receipt
 * is not a transition and emits no event).
 *
 * - scheduled → queued when its time comes; → canceled by the customer;
 *   → failed when it cannot be dispatched (balance, opt-out since).
 * - queued → sent when a carrier accepts it; → failed or bounced when the
 *   carrier refuses it at submission; → expired when its validity ran out in
 *   the queue; → canceled; → unknown when the carrier never answered.
 * - sent → delivered, failed, bounced or expired per the receipt; → unknown
 *   when no receipt came in time.
 * - unknown → delivered, failed, bounced or expired when a late receipt comes.
 * - delivered, failed, bounced, expired, canceled: terminal, no exits.
 */
export const MESSAGE_TRANSITIONS = {
  scheduled: ['queued', 'canceled', 'failed'],
  queued: ['sent', 'failed', 'bounced', 'expired', 'canceled', 'unknown'],
  sent: ['delivered', 'failed', 'bounced', 'expired', 'unknown'],
  unknown: ['delivered', 'failed', 'bounced', 'expired'],
  delivered: [],
  failed: [],
  bounced: [],
  expired: [],
  canceled: [],
} as const satisfies Record<KnownMessageStatus, readonly KnownMessageStatus[]>;

/** True when the table allows `from` → `to`. Unknown statuses never transition. */
export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  if (!Object.hasOwn(MESSAGE_TRANSITIONS, from)) return false;
  return (MESSAGE_TRANSITIONS[from as KnownMessageStatus] as readonly string[]).includes(to);
}

const EVENT_FOR_STATUS: Readonly<Record<KnownMessageStatus, MessageWebhookEventType | undefined>> = {
  scheduled: undefined,
  queued: 'message.queued',
  sent: 'message.sent',
  delivered: 'message.delivered',
  failed: 'message.failed',
  bounced: 'message.bounced',
  expired: 'message.expired',
  canceled: 'message.canceled',
  unknown: 'message.unknown',
};

/**
 * The webhook event a status emits when a message enters it (also on creation:
 * a message created `queued` emits `message.queued`). `scheduled` emits none.
 */
export function eventForStatus(status: MessageStatus): MessageWebhookEventType | undefined {
  return Object.hasOwn(EVENT_FOR_STATUS, status) ? EVENT_FOR_STATUS[status as KnownMessageStatus] : undefined;
}

/** The webhook event an allowed transition emits, or undefined when it is not allowed. */
export function eventForTransition(from: MessageStatus, to: MessageStatus): MessageWebhookEventType | undefined {
  return canTransition(from, to) ? eventForStatus(to) : undefined;
}
