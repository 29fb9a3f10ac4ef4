import type { KarvonError } from '../errors/karvon-error';

/** What `onRequest` sees: headers with the key redacted, the body with numbers masked and texts removed. */
export interface RequestEvent {
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  headers: Record<string, string>;
  body: unknown;
  idempotencyKey: string | undefined;
}

/** What `onResponse` sees: status and headers, never the body. */
export interface ResponseEvent {
  method: string;
  url: string;
  attempt: number;
  status: number;
  headers: Record<string, string>;
  requestId: string | undefined;
  durationMs: number;
}

/** What `onRetry` sees before the client waits `delayMs` and tries again. */
export interface RetryEvent {
  method: string;
  url: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  /** The typed error of the failed attempt (safe to log). */
  error: KarvonError;
  idempotencyKey: string | undefined;
}

/**
 * Observability hooks. They run inline and may be async (awaited); an exception in a hook is
 * reported to `logger.warn` and does not fail the request.
 */
export interface KarvonHooks {
  onRequest?: (event: RequestEvent) => void | Promise<void>;
  onResponse?: (event: ResponseEvent) => void | Promise<void>;
  onRetry?: (event: RetryEvent) => void | Promise<void>;
}
