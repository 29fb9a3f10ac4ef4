import type { SubmitOutcome } from '../carriers/carrier';

type OutcomeName = 'accepted' | 'throttled' | 'not_sent' | 'rejected' | 'ambiguous';

export interface CarrierSubmitCounts {
  readonly accepted: number;
  readonly throttled: number;
  readonly not_sent: number;
  readonly rejected: number;
  readonly ambiguous: number;
  /** Mean milliseconds from submit to the carrier's answer (all outcomes). */
  readonly meanSubmitMs: number | null;
}

export interface DispatchCountersSnapshot {
  readonly submits: Readonly<Record<string, CarrierSubmitCounts>>;
  /** Messages ended by dispatch, by status (`failed:opted_out` style keys carry the code). */
  readonly settled: Readonly<Record<string, number>>;
  /** Claims that found an intent without an answer (a crash between submit and answer). */
  readonly interrupted: number;
  /** Times a message waited because no route could take it then. */
  readonly waitingForRoute: number;
}

/** In-process counters of this dispatcher since start, for operators and /metrics. */
export class DispatchCounters {
  interrupted = 0;
  waitingForRoute = 0;
  readonly #submits = new Map<string, Record<OutcomeName, number> & { totalMs: number; count: number }>();
  readonly #settled = new Map<string, number>();

  submitted(carrier: string, outcome: SubmitOutcome, elapsedMs: number): void {
    let counts = this.#submits.get(carrier);
    if (!counts) {
      counts = { accepted: 0, throttled: 0, not_sent: 0, rejected: 0, ambiguous: 0, totalMs: 0, count: 0 };
      this.#submits.set(carrier, counts);
    }
    const name: OutcomeName = outcome.kind === 'not_sent' && outcome.throttled ? 'throttled' : outcome.kind;
    counts[name]++;
    counts.totalMs += elapsedMs;
    counts.count++;
  }

  settled(status: string, code: string | null): void {
    const key = code ? `${status}:${code}` : status;
    this.#settled.set(key, (this.#settled.get(key) ?? 0) + 1);
  }

  snapshot(): DispatchCountersSnapshot {
    const submits: Record<string, CarrierSubmitCounts> = {};
    for (const [carrier, { totalMs, count, ...outcomes }] of this.#submits) {
      submits[carrier] = { ...outcomes, meanSubmitMs: count > 0 ? Math.round((totalMs / count) * 10) / 10 : null };
    }
    return {
      submits,
      settled: Object.fromEntries(this.#settled),
      interrupted: this.interrupted,
      waitingForRoute: this.waitingForRoute,
    };
  }
}
