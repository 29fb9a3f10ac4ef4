import type { ErrorCode, Open, ProblemFieldError } from '@karvon/contract';
import { KarvonError, type KarvonErrorJSON } from './karvon-error';

/** What the SDK learned from an HTTP error response (an RFC 9457 problem, or less). */
export interface APIErrorInit {
  status: number;
  code?: Open<ErrorCode> | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  type?: string | undefined;
  requestId?: string | undefined;
  errors?: readonly ProblemFieldError[] | undefined;
  /** How long the server asked us to wait (Retry-After / RateLimit), in milliseconds. */
  retryAfterMs?: number | undefined;
}

/** The gateway answered with a non-2xx status. Subclasses narrow it by status and `code`. */
export class APIError extends KarvonError {
  static override readonly errorName: string = 'APIError';

  readonly status: number;
  /** The problem's snake_case code from the contract's registry, when the body had one. */
  readonly code: Open<ErrorCode> | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;
  /** Field errors, each with a JSON Pointer into the request body (e.g. `/messages/3/to`). */
  readonly errors: readonly ProblemFieldError[];
  readonly retryAfterMs: number | undefined;
  /** How many HTTP attempts the call made before giving up (set by the client). */
  attempts = 1;
  /** The Idempotency-Key sent on every attempt of the call, if any (set by the client). */
  idempotencyKey: string | undefined;

  constructor(init: APIErrorInit) {
    const summary = init.detail ?? init.title ?? 'Request failed';
    const suffix = init.requestId ? ` (request ${init.requestId})` : '';
    super(`${init.status}${init.code ? ` ${init.code}` : ''}: ${summary}${suffix}`);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): KarvonErrorJSON {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      errors: this.errors,
      attempts: this.attempts,
      idempotencyKey: this.idempotencyKey,
      retryAfterMs: this.retryAfterMs,
    };
  }
}
