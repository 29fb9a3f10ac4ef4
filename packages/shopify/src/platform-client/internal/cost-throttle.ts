/** `extensions.cost` of a GraphQL Admin API response. */
export interface QueryCost {
  requestedQueryCost?: number | null;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

/**
 * One shop's view of Shopify's leaky bucket, learned from the cost data in each response body
 * (GraphQL throttling sends no Retry-After). It estimates the points available now as
 * `currentlyAvailable + restoreRate × elapsed`, capped at `maximumAvailable`, and remembers what each
 * operation last asked for, so a caller can wait before sending instead of being throttled.
 */
export class CostThrottle {
  readonly #now: () => number;
  #bucket: { maximum: number; available: number; restoreRate: number; at: number } | null = null;
  readonly #costs = new Map<string, number>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Milliseconds to wait before `operation` fits in the bucket; 0 when it fits or nothing is known yet. */
  delayFor(operation: string): number {
    const cost = this.#costs.get(operation);
    const bucket = this.#bucket;
    if (cost === undefined || bucket === null || bucket.restoreRate <= 0) return 0;
    const available = this.#estimate(bucket);
    if (cost <= available) return 0;
    return Math.ceil(((cost - available) * 1000) / bucket.restoreRate);
  }

  /** Counts the operation's expected cost as spent, so concurrent callers see the lower balance. */
  reserve(operation: string): void {
    const cost = this.#costs.get(operation);
    const bucket = this.#bucket;
    if (cost === undefined || bucket === null) return;
    this.#bucket = { ...bucket, available: this.#estimate(bucket) - cost, at: this.#now() };
  }

  /** Takes Shopify's word for the bucket and the operation's cost. */
  observe(operation: string, cost: QueryCost | undefined): void {
    if (!cost) return;
    if (typeof cost.requestedQueryCost === 'number') this.#costs.set(operation, cost.requestedQueryCost);
    const status = cost.throttleStatus;
    if (status) {
      this.#bucket = {
        maximum: status.maximumAvailable,
        available: status.currentlyAvailable,
        restoreRate: status.restoreRate,
        at: this.#now(),
      };
    }
  }

  /** The bucket size, once known: a query costing more can never run. */
  get maximumAvailable(): number | undefined {
    return this.#bucket?.maximum;
  }

  #estimate(bucket: { maximum: number; available: number; restoreRate: number; at: number }): number {
    const restored = (bucket.restoreRate * (this.#now() - bucket.at)) / 1000;
    return Math.min(bucket.maximum, bucket.available + restored);
  }
}
