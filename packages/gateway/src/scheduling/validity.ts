import { SEND_LIMITS } from '@karvon/contract';

/**
 * How long a message may wait before it is no longer worth delivering. The
 * clock starts at dispatch time (the scheduled time, or acceptance when not
 * scheduled), not acceptance, so a message scheduled for next week does not
 * expire on its way there. The queue refuses to hand an expired message to a
 * carrier (status `expired`, refunded), and the value is passed to the
 * carrier as the SMPP validity period.
 *
 * Defaults: transactional messages (codes, alerts) lose their point quickly,
 * so 4 hours; marketing 24 hours, which with quiet hours still leaves a day
 * window to land. Bounds come from the contract (1 minute to 72 hours).
 */
export const DEFAULT_VALIDITY_SECONDS = {
  transactional: 4 * 3600,
  marketing: 24 * 3600,
} as const;

export interface ResolveExpiresAtInput {
  /** When the message is first due for dispatch, epoch ms. */
  readonly dispatchAt: number;
  readonly type: 'transactional' | 'marketing';
  /** The request's `validityPeriod` in seconds, if given. */
  readonly validityPeriod?: number | undefined;
  /** Account-level defaults overriding DEFAULT_VALIDITY_SECONDS. */
  readonly defaults?: Partial<Record<'transactional' | 'marketing', number>> | undefined;
}

/** The validity in seconds, clamped to the contract's bounds. */
export function validitySeconds(input: Omit<ResolveExpiresAtInput, 'dispatchAt'>): number {
  const seconds = input.validityPeriod ?? input.defaults?.[input.type] ?? DEFAULT_VALIDITY_SECONDS[input.type];
  if (!Number.isFinite(seconds)) throw new RangeError(`validityPeriod must be a number of seconds, got ${seconds}`);
  return Math.min(SEND_LIMITS.maxValidityPeriod, Math.max(SEND_LIMITS.minValidityPeriod, Math.floor(seconds)));
}

/** When the message expires, epoch ms: dispatch time + validity. */
export function resolveExpiresAt(input: ResolveExpiresAtInput): number {
  return input.dispatchAt + validitySeconds(input) * 1000;
}

/** True when a message due at `expiresAt` may no longer be sent at `now`. */
export function isExpired(expiresAt: number, now: number): boolean {
  return now >= expiresAt;
}
