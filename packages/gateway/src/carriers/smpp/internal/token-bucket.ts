/**
 * A token bucket that hands out send times instead of refusing: `reserve()` books the next slot
 * and says how long to wait for it, so callers queue in order. Burst is one second of the rate.
 * In-process only; the cross-process lease on the account's TPS is future work.
 */
export class TokenBucket {
  #rate: number;
  #tokens: number;
  #updatedAt: number;
  readonly #now: () => number;

  constructor(rate: number, now: () => number = Date.now) {
    this.#rate = rate;
    this.#tokens = Math.max(1, rate);
    this.#now = now;
    this.#updatedAt = now();
  }

  get rate(): number {
    return this.#rate;
  }

  set rate(rate: number) {
    this.#refill();
    this.#rate = rate;
    this.#tokens = Math.min(this.#tokens, Math.max(1, rate));
  }

  /** Takes one token, going into debt if needed; returns the milliseconds to wait before sending. */
  reserve(): number {
    this.#refill();
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#rate) * 1000);
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(Math.max(1, this.#rate), this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
  }
}
