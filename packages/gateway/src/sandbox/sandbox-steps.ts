import { canTransition } from '@karvon/contract';
import type { MessageRecord } from '../storage/repository';
import { sandboxOutcome } from './magic-numbers';

/** One move of the state machine, as the sandbox job writes it. */
export interface SandboxStep {
  readonly from: string;
  readonly to: string;
  readonly errorCode: string | null;
  readonly reason: string | null;
  /** The new `not_before`: when the next step is due; undefined leaves it. */
  readonly notBefore?: number | null;
  /** No carrier accepted the message: its price goes back. */
  readonly refund: boolean;
}

const VALIDITY_EXPIRED = { code: 'validity_expired', reason: 'The validity period ended in the queue.' };

/**
 * The moves due for a message at `now`, in order (empty when nothing is due).
 * Pure: the job applies them one by one with a compare-and-set, so a step
 * another process already took is simply skipped.
 *
 * - Validity ran out while scheduled or queued (a quiet-hours shift past it,
 *   or a long queue): → `expired`, refunded. `scheduled` goes through
 *   `queued`, since the state machine has no scheduled → expired edge.
 * - `scheduled` and due: → `queued`; the sandbox outcome follows from there.
 * - `queued`: a `queue` outcome expires it after its delay (refunded);
 *   a `carrier` outcome is accepted by the fake carrier (→ `sent`) and its
 *   receipt is due `delayMs` later.
 * - `sent` and due: → the outcome's final status, with its error.
 */
export function sandboxSteps(message: MessageRecord, now: number): SandboxStep[] {
  const steps: SandboxStep[] = [];
  let status = message.status;
  let due = message.notBefore === null || message.notBefore <= now;
  const behaviour = sandboxOutcome(message.to);
  const push = (step: SandboxStep) => {
    if (!canTransition(step.from, step.to)) return false;
    steps.push(step);
    status = step.to;
    return true;
  };

  const expired = message.expiresAt !== null && message.expiresAt <= now;
  if (expired && (status === 'scheduled' || status === 'queued')) {
    if (status === 'scheduled') push({ from: 'scheduled', to: 'queued', errorCode: null, reason: null, refund: false });
    push({
      from: 'queued',
      to: 'expired',
      errorCode: VALIDITY_EXPIRED.code,
      reason: VALIDITY_EXPIRED.reason,
      refund: true,
    });
    return steps;
  }
  if (message.mode !== 'test' || !due) return steps;

  if (status === 'scheduled') {
    const hold = behaviour.stage === 'queue' ? now + behaviour.delayMs : null;
    push({ from: 'scheduled', to: 'queued', errorCode: null, reason: null, notBefore: hold, refund: false });
    due = hold === null;
  }
  if (status === 'queued' && due) {
    if (behaviour.stage === 'queue') {
      push({
        from: 'queued',
        to: behaviour.finalStatus,
        errorCode: behaviour.error?.code ?? null,
        reason: behaviour.error?.reason ?? null,
        refund: true,
      });
      return steps;
    }
    const receiptAt = now + behaviour.delayMs;
    push({ from: 'queued', to: 'sent', errorCode: null, reason: null, notBefore: receiptAt, refund: false });
    due = receiptAt <= now;
  }
  if (status === 'sent' && due) {
    push({
      from: 'sent',
      to: behaviour.finalStatus,
      errorCode: behaviour.error?.code ?? null,
      reason: behaviour.error?.reason ?? null,
      notBefore: null,
      refund: false,
    });
  }
  return steps;
}
