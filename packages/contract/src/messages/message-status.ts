import type { Open } from '../common/open';

/**
 * Every status a message (or one part of a long message) can be in:
 *
 * - `scheduled`: accepted with a future `scheduledAt`; not yet queued.
 * - `queued`: accepted, waiting to be handed to a carrier.
 * - `sent`: a carrier accepted it; waiting for a delivery receipt.
 * - `delivered`: the handset received it. Terminal.
 * - `bounced`: the recipient number itself was refused for good (unallocated,
 *   barred, not a mobile). Clean it from your list, as after an email bounce.
 *   Terminal.
 * - `failed`: any other final non-delivery (rejected content, opted out,
 *   carrier error, insufficient balance at dispatch). Terminal.
 * - `expired`: the validity period ran out before delivery. Terminal.
 * - `canceled`: canceled before it was handed to a carrier. Terminal.
 * - `unknown`: handed to a carrier that never answered (no submit response
 *   or no receipt in time). Not terminal: a late receipt may still resolve it
 *   to delivered, failed, bounced or expired.
 */
export const MESSAGE_STATUSES = [
  'scheduled',
  'queued',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'expired',
  'canceled',
  'unknown',
] as const;

export type KnownMessageStatus = (typeof MESSAGE_STATUSES)[number];
/** Open: a newer gateway may report a status this version does not know. */
export type MessageStatus = Open<KnownMessageStatus>;

/** Statuses with no way out. `unknown` is not among them: it may still resolve. */
export const TERMINAL_STATUSES = [
  'delivered',
  'failed',
  'bounced',
  'expired',
  'canceled',
] as const satisfies readonly KnownMessageStatus[];
export type TerminalMessageStatus = (typeof TERMINAL_STATUSES)[number];

/** Statuses a message is created in: no transition leads into them. */
export const INITIAL_STATUSES = ['scheduled', 'queued'] as const satisfies readonly KnownMessageStatus[];

/** Statuses of a message still on its way: neither final nor `unknown`. */
export const PENDING_STATUSES = ['scheduled', 'queued', 'sent'] as const satisfies readonly KnownMessageStatus[];

export function isKnownMessageStatus(value: unknown): value is KnownMessageStatus {
  return typeof value === 'string' && (MESSAGE_STATUSES as readonly string[]).includes(value);
}

export function isTerminalStatus(status: MessageStatus): status is TerminalMessageStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
