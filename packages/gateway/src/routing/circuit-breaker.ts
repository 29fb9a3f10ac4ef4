export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  readonly failureThreshold?: number;
  /** How long an open circuit refuses traffic before one probe may go. Default 30 s. */
  readonly cooldownMs?: number;
  /** Milliseconds; injectable so tests move time by hand. */
  readonly now?: () => number;
}

export interface CircuitSnapshot {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** When the circuit last opened (ms from `now`), null while closed. */
  readonly openedAt: number | null;
}

const DEFAULT_FAILURE_THRESHOLD = 5;
const DEFAULT_COOLDOWN_MS = 30_000;

/**
 * Stops sending to a carrier that keeps failing, so messages fail over at once instead of each
 * waiting out a timeout, and lets one probe through after a cooldown to see whether it is back.
 *
 * Only what the dispatcher reports counts: `not_sent` outcomes that are not throttles, and
 * ambiguous ones. A throttle means the carrier is up and busy, so it is never reported.
 * Reports are not matched to requests: one that arrives while the circuit is open (from a request
 * sent before it opened) neither restarts the cooldown nor closes it early.
 */
export class CircuitBreaker {
  readonly #failureThreshold: number;
  readonly #cooldownMs: number;
  readonly #now: () => number;
  #consecutiveFailures = 0;
  #openedAt: number | null = null;
  /** When the half-open probe was let through; null when none is out. */
  #probeSentAt: number | null = null;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#failureThreshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.#cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.#now = options.now ?? Date.now;
    if (!Number.isInteger(this.#failureThreshold) || this.#failureThreshold < 1)
      throw new RangeError(`failureThreshold must be an integer of at least 1, got ${this.#failureThreshold}`);
    if (!Number.isFinite(this.#cooldownMs) || this.#cooldownMs < 0)
      throw new RangeError(`cooldownMs must be a finite number of at least 0, got ${this.#cooldownMs}`);
  }

  /** Open turns half-open by itself once the cooldown has passed; no timer runs. */
  state(): CircuitState {
    if (this.#openedAt === null) return 'closed';
    return this.#now() - this.#openedAt >= this.#cooldownMs ? 'half_open' : 'open';
  }

  /**
   * Whether a submit may go now. In half-open this takes the one probe slot: call it only for the
   * carrier actually about to be used (use {@link wouldAllowRequest} to look without taking).
   */
  allowRequest(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.#probeOut()) return false;
    this.#probeSentAt = this.#now();
    return true;
  }

  /** What {@link allowRequest} would answer, without taking the probe slot. */
  wouldAllowRequest(): boolean {
    const state = this.state();
    return state === 'closed' || (state === 'half_open' && !this.#probeOut());
  }

  recordSuccess(): void {
    // A late success from before the circuit opened proves little about now; wait for the probe.
    if (this.state() === 'open') return;
    this.#consecutiveFailures = 0;
    this.#openedAt = null;
    this.#probeSentAt = null;
  }

  recordFailure(): void {
    this.#consecutiveFailures++;
    const state = this.state();
    if (state === 'half_open') this.#open();
    else if (state === 'closed' && this.#consecutiveFailures >= this.#failureThreshold) this.#open();
  }

  /**
   * The probe ended without a verdict (a throttle, which is never reported as a failure or a
   * success): let the next request probe instead of waiting for the probe slot to lapse.
   */
  releaseProbe(): void {
    this.#probeSentAt = null;
  }

  snapshot(): CircuitSnapshot {
    return { state: this.state(), consecutiveFailures: this.#consecutiveFailures, openedAt: this.#openedAt };
  }

  #open(): void {
    this.#openedAt = this.#now();
    this.#probeSentAt = null;
  }

  // A probe whose outcome never came back (lost, or throttled and not released) would hold the
  // circuit half-open with no traffic for ever; after one cooldown the slot lapses and another
  // request may probe.
  #probeOut(): boolean {
    return this.#probeSentAt !== null && this.#now() - this.#probeSentAt < this.#cooldownMs;
  }
}

/** One {@link CircuitBreaker} per carrier id, created on first use with the same options. */
export class CircuitBreakers {
  readonly #breakers = new Map<string, CircuitBreaker>();

  constructor(readonly options: CircuitBreakerOptions = {}) {}

  get(carrierId: string): CircuitBreaker {
    let breaker = this.#breakers.get(carrierId);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.options);
      this.#breakers.set(carrierId, breaker);
    }
    return breaker;
  }

  /** For operator endpoints; carriers never used yet are absent (they are closed). */
  snapshot(): Record<string, CircuitSnapshot> {
    return Object.fromEntries([...this.#breakers].map(([carrierId, breaker]) => [carrierId, breaker.snapshot()]));
  }
}
