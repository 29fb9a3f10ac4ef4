import { KarvonError, type KarvonErrorJSON } from './karvon-error';

/** No HTTP response arrived: DNS, refused or reset connection, TLS. Retried before it is thrown. */
export class ConnectionError extends KarvonError {
  static override readonly errorName: string = 'ConnectionError';

  /** How many HTTP attempts the call made before giving up (set by the client). */
  attempts = 1;
  /** The Idempotency-Key sent on every attempt of the call, if any (set by the client). */
  idempotencyKey: string | undefined;

  constructor(message = 'Could not reach the Karvon API', options?: { cause?: unknown }) {
    super(message, options);
  }

  override toJSON(): KarvonErrorJSON {
    return { ...super.toJSON(), attempts: this.attempts, idempotencyKey: this.idempotencyKey };
  }
}

/** An attempt took longer than `timeoutMs` (per attempt, body included). Retried like a connection error. */
export class TimeoutError extends ConnectionError {
  static override readonly errorName: string = 'TimeoutError';

  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`The request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): KarvonErrorJSON {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}
