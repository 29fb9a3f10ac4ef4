import type { TokenBucket } from './token-bucket';

/**
 * Additive increase, multiplicative decrease on a bind's send rate: a throttle response halves
 * it (down to `floor`), each accepted submit adds `step` back (up to `ceiling`).
 */
export class AimdRate {
  constructor(
    readonly bucket: TokenBucket,
    readonly ceiling: number,
    readonly floor = 1,
    readonly step = 1,
  ) {}

  throttled(): void {
    this.bucket.rate = Math.max(this.floor, this.bucket.rate / 2);
  }

  succeeded(): void {
    if (this.bucket.rate < this.ceiling) this.bucket.rate = Math.min(this.ceiling, this.bucket.rate + this.step);
  }
}
