/** Tunables for the retry loop; internal so tests and future callers can change them. */
export interface BackoffPolicy {
  /** Delay scale for the first retry. */
  baseDelayMs: number;
  /** Backoff never waits longer than this. */
  maxDelayMs: number;
  /** If the server asks to wait longer than this, give up and throw instead of retrying early. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * "Full jitter" (AWS Architecture Blog, Exponential Backoff and Jitter): a uniform delay between 0
 * and the capped exponential, which spreads a crowd of clients better than equal or no jitter.
 * `retry` is 0 for the first retry.
 */
export function backoffDelay(retry: number, random: () => number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
