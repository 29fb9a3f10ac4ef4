/**
 * How many submits may be under way per carrier in this process: no more than its binds'
 * windows hold. The intent is written only once a slot is free, so a crash leaves at most a
 * window of messages `unknown`, not every message queued behind the window.
 */
export class CarrierSlots {
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Resolves with a release function once fewer than `capacity` submits hold a slot. */
  async acquire(carrier: string, capacity: number): Promise<() => void> {
    while ((this.#active.get(carrier) ?? 0) >= Math.max(1, capacity)) {
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(carrier) ?? [];
        queue.push(resolve);
        this.#waiting.set(carrier, queue);
      });
    }
    this.#active.set(carrier, (this.#active.get(carrier) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active.set(carrier, (this.#active.get(carrier) ?? 1) - 1);
      this.#waiting.get(carrier)?.shift()?.();
    };
  }

  active(carrier: string): number {
    return this.#active.get(carrier) ?? 0;
  }
}
