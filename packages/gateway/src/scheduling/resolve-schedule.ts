import { isLocalDateTime, isRfc3339WithOffset, isTimeZone, wallTimeToEpochMs } from '@karvon/contract';

/**
 * When a message should be sent, from the request's `scheduledAt` and
 * `timezone`:
 *
 * - no `scheduledAt`: now (not scheduled);
 * - `scheduledAt` with an offset or `Z` (`2026-11-01T09:30:00+05:00`): that
 *   instant; a `timezone` beside it only serves quiet hours (as the contract
 *   says);
 * - `scheduledAt` without offset plus `timezone` (`2026-11-01T09:30`,
 *   `Asia/Tashkent`): that wall-clock time in that zone.
 *   - In a DST gap the time moves forward by the gap: America/New_York
 *     2026-03-08T02:30 does not exist and becomes 03:30 EDT (07:30Z).
 *   - In a DST overlap the first occurrence is taken: America/New_York
 *     2026-11-01T01:30 happens twice and means 01:30 EDT (05:30Z), so a
 *     message is never sent an hour later than the earliest reading.
 *
 * A time slightly in the past (clock skew between client and gateway, up to
 * `maxPastSkewMs`, 5 minutes by default) is sent now; further in the past is
 * refused, as is more than `maxAheadMs` (one year) ahead.
 */

export const DEFAULT_MAX_PAST_SKEW_MS = 5 * 60_000;
export const DEFAULT_MAX_AHEAD_MS = 366 * 86_400_000;

export interface ResolveScheduleInput {
  readonly scheduledAt?: string | undefined;
  readonly timezone?: string | undefined;
  /** The gateway's clock, epoch ms. */
  readonly now: number;
  readonly maxPastSkewMs?: number | undefined;
  readonly maxAheadMs?: number | undefined;
}

export type ScheduleErrorReason =
  | 'invalid_date_time'
  | 'timezone_required'
  | 'invalid_timezone'
  | 'in_the_past'
  | 'too_far_ahead';

export type ResolveScheduleResult =
  | {
      readonly ok: true;
      /** When to dispatch, epoch ms (`now` when not scheduled or within the skew). */
      readonly sendAt: number;
      /** True when the message waits (status `scheduled`), false when it is queued now. */
      readonly scheduled: boolean;
    }
  | { readonly ok: false; readonly reason: ScheduleErrorReason; readonly message: string };

const fail = (reason: ScheduleErrorReason, message: string): ResolveScheduleResult => ({ ok: false, reason, message });

/** Resolves `scheduledAt` + `timezone` into a dispatch instant, or says why it cannot. */
export function resolveSchedule(input: ResolveScheduleInput): ResolveScheduleResult {
  const { scheduledAt, timezone, now } = input;
  if (scheduledAt === undefined) return { ok: true, sendAt: now, scheduled: false };

  let at: number;
  if (isRfc3339WithOffset(scheduledAt)) {
    at = Date.parse(scheduledAt);
    if (Number.isNaN(at)) return fail('invalid_date_time', 'scheduledAt is not a valid date-time');
  } else if (isLocalDateTime(scheduledAt)) {
    if (timezone === undefined) return fail('timezone_required', 'A scheduledAt without offset needs a timezone');
    if (!isTimeZone(timezone)) return fail('invalid_timezone', 'timezone is not an IANA time zone name');
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(scheduledAt)!;
    const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
    at = wallTimeToEpochMs(timezone, +m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, Number(m[6] ?? 0), ms);
  } else {
    return fail('invalid_date_time', 'scheduledAt must be an RFC 3339 date-time with offset, or a local date-time');
  }

  const skew = input.maxPastSkewMs ?? DEFAULT_MAX_PAST_SKEW_MS;
  const ahead = input.maxAheadMs ?? DEFAULT_MAX_AHEAD_MS;
  if (at < now - skew) return fail('in_the_past', 'scheduledAt is in the past');
  if (at > now + ahead) return fail('too_far_ahead', 'scheduledAt is more than a year ahead');
  if (at <= now) return { ok: true, sendAt: now, scheduled: false };
  return { ok: true, sendAt: at, scheduled: true };
}
