import { KarvonError } from './karvon-error';

/**
 * The caller's `signal` aborted the call. Its `name` is 'AbortError', like the DOMException fetch
 * throws, so `err.name === 'AbortError'` checks keep working; the signal's reason is the `cause`.
 * Never retried.
 */
export class AbortError extends KarvonError {
  static override readonly errorName: string = 'AbortError';

  constructor(reason?: unknown) {
    super('The request was aborted', { cause: reason });
  }
}
