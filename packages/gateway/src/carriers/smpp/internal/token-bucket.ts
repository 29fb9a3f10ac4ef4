/**
 * A token bucket that hands out send times instead of refusing: `reserve()` books the next slot
 * and says how long to wait for it, so callers queue in order. The burst is a tenth of a second
 * of the rate: carriers count TPS per second, and a whole second of burst on top of the rate would
 * let up to twice the cap through in one second.
 * In-process; across processes each holds the share of the account's TPS its leased binds carry
 * (dispatch/carrier-pool.ts).
 */
const burstOf = (rate: number) => Math.max(1, rate / 10);

export class TokenBucket {
  #rate: number;
  #tokens: number;
  #updatedAt: number;
  readonly #now: () => number;

  constructor(rate: number, now: () => number = Date.now) {
    this.#rate = rate;
    this.#tokens = burstOf(rate);
    this.#now = now;
    this.#updatedAt = now();
  }

  get rate(): number {
    return this.#rate;
  }

  set rate(rate: number) {
    this.#refill();
    this.#rate = rate;
    this.#tokens = Math.min(this.#tokens, burstOf(rate));
  }

  /** Takes one token, going into debt if needed; returns the milliseconds to wait before sending. */
  reserve(): number {
    this.#refill();
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.#rate) * 1000);
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(burstOf(this.#rate), this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate);
    this.#updatedAt = now;
  }
}
