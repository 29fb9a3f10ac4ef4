import { createId } from '@karvon/contract';
import { sandboxSteps } from '../sandbox/sandbox-steps';
import type { Repository } from '../storage/repository';

export const SANDBOX_CARRIER = 'sandbox';

/**
 * One tick of the sandbox: the only code that ever moves a test-mode
 * message, so a test key cannot reach a carrier by construction (the future
 * dispatcher reads `mode = 'live'` only). It also expires live messages whose
 * validity ran out before dispatch (a quiet-hours shift past it), refunded.
 *
 * Safe with several processes on one PostgreSQL: each move is a
 * compare-and-set on the status, so two ticks that read the same message
 * apply each move once; the loser skips the rest of that message's steps.
 * Returns the number of moves applied.
 */
export async function runSandboxOutcomes(input: {
  repository: Repository;
  now: number;
  batchSize?: number;
  /** Each move at debug level; the logger masks the number, and no body is passed. */
  log?: { debug(fields: Record<string, unknown>, message: string): void };
}): Promise<number> {
  const { repository, now } = input;
  const limit = input.batchSize ?? 200;
  const [test, live] = await Promise.all([
    repository.messages.findDue({ mode: 'test', now, limit }),
    repository.messages.findDue({ mode: 'live', expiredOnly: true, now, limit }),
  ]);
  let moves = 0;
  for (const message of [...test, ...live]) {
    for (const step of sandboxSteps(message, now)) {
      const applied = await repository.messages.transition({
        accountId: message.accountId,
        id: message.id,
        from: step.from,
        to: step.to,
        at: now,
        carrier: message.mode === 'test' ? SANDBOX_CARRIER : null,
        errorCode: step.errorCode,
        reason: step.reason,
        ...(step.notBefore !== undefined ? { notBefore: step.notBefore } : {}),
        ...(step.refund ? { refund: { ledgerEntryId: createId('ledgerEntry', { now }) } } : {}),
      });
      if (!applied) break;
      moves++;
      input.log?.debug({ messageId: message.id, to: message.to, from: step.from, status: step.to }, 'message moved');
    }
  }
  return moves;
}
