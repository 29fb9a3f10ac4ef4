import type { CarrierSimulator } from '@karvon/carrier-simulator';
import type { Karvon } from '@karvon/sdk';
import type { Repository } from '../../src/storage/repository';

export interface FaultTally {
  accepted: number;
  delivered: number;
  failed: number;
  bounced: number;
  unknown: number;
  /** Still queued or sent when counted (not lost: the state machine still holds them). */
  pending: number;
  /** Accepted by the API and not in the database, or in no state at all. */
  lost: number;
  /**
   * Message parts a simulator accepted more than once (a submit it refused, say throttled, and
   * that was sent again is not a duplicate: the carrier never took the first one).
   */
  duplicates: number;
}

/**
 * Sends `count` one-part messages in batches (each text unique, so a repeat at the simulator is
 * a duplicate of one message) and returns the ids the API accepted.
 */
export async function sendLoad(client: Karvon, count: number, options: { tag: string; batch?: number } = { tag: 'x' }) {
  const batch = options.batch ?? 50;
  const ids: string[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const response = await client.messages.send({
      messages: Array.from({ length: size }, (_, i) => ({
        to: `+9989012${String(start + i).padStart(5, '0')}`,
        body: `Karvon ${options.tag} ${start + i}: kodingiz ${1000 + start + i}`,
      })),
    });
    for (const result of response.results) if (result.status === 'accepted') ids.push(result.id);
  }
  return ids;
}

/** Polls until none of `ids` is queued or sent (or the time is up), then counts. */
export async function settleAndTally(input: {
  repository: Repository;
  accountId: string;
  ids: readonly string[];
  simulators: readonly CarrierSimulator[];
  timeoutMs?: number;
}): Promise<FaultTally> {
  const deadline = Date.now() + (input.timeoutMs ?? 20_000);
  let tally: FaultTally;
  for (;;) {
    tally = {
      accepted: input.ids.length,
      delivered: 0,
      failed: 0,
      bounced: 0,
      unknown: 0,
      pending: 0,
      lost: 0,
      duplicates: 0,
    };
    for (const id of input.ids) {
      const status = (await input.repository.messages.get(input.accountId, id))?.status;
      if (status === 'delivered' || status === 'failed' || status === 'bounced' || status === 'unknown')
        tally[status]++;
      else if (status === 'queued' || status === 'sent' || status === 'scheduled') tally.pending++;
      else tally.lost++;
    }
    if (tally.pending === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seen = new Set<string>();
  for (const sim of input.simulators) {
    for (const submission of sim.submissions()) {
      const key = `${submission.destination}\0${submission.content}`;
      if (seen.has(key)) tally.duplicates++;
      seen.add(key);
    }
  }
  return tally;
}
