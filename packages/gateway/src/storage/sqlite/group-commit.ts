import type { DatabaseSync } from 'node:sqlite';

interface Pending<S> {
  work: (session: S) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: write operations requested in the same turn of the event loop
 * run in one `BEGIN IMMEDIATE … COMMIT`, each inside its own SAVEPOINT so one
 * failure rolls back only itself. Every caller's promise settles after the
 * COMMIT returned, so a response is never sent for data that is not durable
 * (with synchronous=FULL, COMMIT returns after the WAL fsync). One fsync per
 * group instead of one per request is what makes durable acceptance fast.
 */
export class GroupCommit<S> {
  #queue: Pending<S>[] = [];
  #scheduled = false;
  #flushing = false;

  constructor(
    private readonly db: DatabaseSync,
    private readonly session: S,
  ) {}

  run<T>(work: (session: S) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return;
    this.#scheduled = true;
    // setImmediate, not a microtask: requests whose sockets became readable in
    // the same poll phase join the group.
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    this.#flushing = true;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const item of batch) {
        this.db.exec('SAVEPOINT op');
        try {
          const value = await item.work(this.session);
          this.db.exec('RELEASE op');
          outcomes.push({ ok: true, value });
        } catch (error) {
          this.db.exec('ROLLBACK TO op');
          this.db.exec('RELEASE op');
          outcomes.push({ ok: false, value: error });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      for (const item of batch) item.reject(error);
      this.#done();
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i] as { ok: boolean; value: unknown };
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
    this.#done();
  }

  #done(): void {
    this.#flushing = false;
    if (this.#queue.length > 0) this.#schedule();
  }

  /** Resolves when nothing is queued or running. */
  async drain(): Promise<void> {
    while (this.#flushing || this.#scheduled || this.#queue.length > 0) {
      await new Promise((r) => setImmediate(r));
    }
  }
}
