import { isKnownMessageStatus, type KnownMessageStatus, type MessageStatus } from './message-status';

/**
 * The status of a long message from the statuses of its parts. Rules, first
 * match wins (a status this version does not know counts as `unknown`):
 *
 * 1. Any part `scheduled` → `scheduled`; else any part `queued` → `queued`:
 *    the message is not fully handed over while a part is still waiting.
 * 2. Else any part `sent` → `sent`: still waiting for receipts.
 * 3. Nothing pending. Any part `bounced` → `bounced`: every part goes to the
 *    same number, so one bounce means the number is bad.
 * 4. Any part `unknown` → `unknown`: it may still resolve, and ranking it
 *    above `failed` keeps the rollup a legal transition when it does (a part
 *    resolving to bounced moves the message unknown → bounced, which is
 *    allowed; failed → bounced would not be).
 * 5. Any part `failed` → `failed`.
 * 6. Any part `expired` → `expired`.
 * 7. All parts `canceled` → `canceled`.
 * 8. All parts `delivered` → `delivered`.
 * 9. What remains is a mix of delivered and canceled parts: the recipient got
 *    only part of the text, which is a failure → `failed`.
 *
 * Parts of one message move through scheduled and queued together (dispatch
 * and cancel act on the message), and then each on its own. Under that model
 * every change of a part changes the rolled-up status only along an allowed
 * message transition (see the property test).
 */
export function rollUpPartStatuses(parts: readonly MessageStatus[]): KnownMessageStatus {
  if (parts.length === 0) throw new RangeError('A message has at least one part');
  const seen = new Set<KnownMessageStatus>(parts.map((s) => (isKnownMessageStatus(s) ? s : 'unknown')));
  const ordered: KnownMessageStatus[] = ['scheduled', 'queued', 'sent', 'bounced', 'unknown', 'failed', 'expired'];
  for (const status of ordered) {
    if (seen.has(status)) return status;
  }
  if (seen.size === 1) return seen.has('canceled') ? 'canceled' : 'delivered';
  return 'failed';
}
