/** The `throttleStatus` object Shopify reports in `extensions.cost`. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Shopify's leaky bucket for the GraphQL Admin API
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): points refill at
 * `restoreRate` per second up to `maximumAvailable`; a query whose requested cost exceeds what is
 * available is refused as THROTTLED and costs nothing.
 */
export class FakeThrottleBucket {
  maximumAvailable: number;
  restoreRate: number;
  #available: number;
  #at: number;
  readonly #now: () => number;

  constructor(options: {
    maximumAvailable: number;
    restoreRate: number;
    currentlyAvailable: number;
    now: () => number;
  }) {
    this.maximumAvailable = options.maximumAvailable;
    this.restoreRate = options.restoreRate;
    this.#available = options.currentlyAvailable;
    this.#now = options.now;
    this.#at = options.now();
  }

  /** Takes `cost` points if available; false (nothing taken) when the query must be throttled. */
  take(cost: number): boolean {
    this.#refill();
    if (cost > this.#available) return false;
    this.#available -= cost;
    return true;
  }

  /** Forces the bucket level, e.g. to 0 so the next query is throttled. */
  setAvailable(points: number): void {
    this.#available = points;
    this.#at = this.#now();
  }

  status(): ThrottleStatus {
    this.#refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: this.#available,
      restoreRate: this.restoreRate,
    };
  }

  #refill(): void {
    const now = this.#now();
    const restored = (this.restoreRate * (now - this.#at)) / 1000;
    this.#available = Math.min(this.maximumAvailable, this.#available + restored);
    this.#at = now;
  }
}
