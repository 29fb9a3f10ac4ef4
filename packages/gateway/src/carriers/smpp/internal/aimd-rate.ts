import type { TokenBucket } from './token-bucket';

/**
 * Additive increase, multiplicative decrease on a bind's send rate: a throttle response halves
 * it (down to `floor`), each accepted submit adds `step` back (up to `ceiling`).
 *
 * A window of submits written together comes back throttled together; halving once per answer
 * would take the rate to the floor from one burst. As TCP does once per round trip, the rate is
 * halved at most once per `decreaseIntervalMs`.
 */
export class AimdRate {
  #lastDecrease = Number.NEGATIVE_INFINITY;

  constructor(
    readonly bucket: TokenBucket,
    readonly ceiling: number,
    readonly floor = 1,
    readonly step = 1,
    readonly decreaseIntervalMs = 250,
    readonly now: () => number = Date.now,
  ) {}

  throttled(): void {
    const now = this.now();
    if (now - this.#lastDecrease < this.decreaseIntervalMs) return;
    this.#lastDecrease = now;
    this.bucket.rate = Math.max(this.floor, this.bucket.rate / 2);
  }

  succeeded(): void {
    if (this.bucket.rate < this.ceiling) this.bucket.rate = Math.min(this.ceiling, this.bucket.rate + this.step);
  }
}
