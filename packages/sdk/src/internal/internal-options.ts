import type { KarvonOptions } from '../client/client-options';
import type { BackoffPolicy } from './backoff';

/**
 * Knobs that are not public API: injected clocks and randomness so tests assert exact delays, and
 * the backoff policy. Carried on the options object under a symbol that index.ts does not export.
 */
export interface InternalOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
}

export const INTERNAL = Symbol('karvon.internal');

export function withInternal(options: KarvonOptions, internal: InternalOptions): KarvonOptions {
  return Object.assign({}, options, { [INTERNAL]: internal });
}

export function readInternal(options: KarvonOptions): InternalOptions {
  return (options as { [INTERNAL]?: InternalOptions })[INTERNAL] ?? {};
}
