/**
 * Timers grouped by the millisecond they are due: thousands of receipts due in the same
 * millisecond share one `setTimeout`, so they run in one tick and leave in one corked write.
 */
export class TimerBuckets {
  readonly #buckets = new Map<number, { timer: NodeJS.Timeout; runs: (() => void)[] }>();

  /** Runs `run` after `ms` milliseconds. */
  after(ms: number, run: () => void): void {
    const due = Math.ceil(performance.now() + ms);
    const bucket = this.#buckets.get(due);
    if (bucket !== undefined) {
      bucket.runs.push(run);
      return;
    }
    const runs = [run];
    const timer = setTimeout(
      () => {
        this.#buckets.delete(due);
        for (const r of runs) r();
      },
      Math.max(0, due - performance.now()),
    );
    this.#buckets.set(due, { timer, runs });
  }

  /** Cancels everything still due. */
  clear(): void {
    for (const { timer } of this.#buckets.values()) clearTimeout(timer);
    this.#buckets.clear();
  }
}
