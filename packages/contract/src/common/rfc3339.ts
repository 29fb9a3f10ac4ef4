import * as z from 'zod/mini';
import { pure } from '../internal/pure';

// RFC 3339 section 5.6 date-time: full-date "T" full-time, where full-time
// ends with "Z" or a numeric offset. "T" and "Z" may be lower case (5.6, note).
// The pattern checks the shape; isRfc3339WithOffset also checks the calendar.
const DATE_TIME_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
// The same without the offset: a wall-clock time in some time zone.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

export const RFC3339_WITH_OFFSET_PATTERN = DATE_TIME_WITH_OFFSET.source;
export const LOCAL_DATE_TIME_PATTERN = LOCAL_DATE_TIME.source;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDateAndTime(y: string, mo: string, d: string, h: string, mi: string, s: string | undefined): boolean {
  const month = Number(mo);
  const day = Number(d);
  // Seconds may be 60 on a leap second (RFC 3339 5.7).
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(Number(y), month) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    (s === undefined || Number(s) <= 60)
  );
}

/**
 * True for an RFC 3339 date-time with an explicit offset, such as
 * `2026-11-01T09:30:00+05:00` or `2026-11-01T04:30:00Z`. A time without an
 * offset names no instant, so it is not accepted here.
 */
export function isRfc3339WithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  if (!validDateAndTime(y!, mo!, d!, h!, mi!, s)) return false;
  return oh === undefined || (Number(oh) <= 23 && Number(om) <= 59);
}

/**
 * True for a local wall-clock date-time without offset, such as
 * `2026-11-01T09:30` or `2026-11-01T09:30:00`. It is only meaningful together
 * with an IANA time zone (the `timezone` field of a send request).
 */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE_TIME.exec(value);
  return m !== null && validDateAndTime(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]);
}

/** A string holding an RFC 3339 date-time with an offset. */
export const rfc3339Schema = pure(() =>
  z.string().check(
    z.regex(DATE_TIME_WITH_OFFSET, {
      message: 'Expected an RFC 3339 date-time with an offset, such as 2026-11-01T09:30:00+05:00',
      abort: true,
    }),
    z.refine(isRfc3339WithOffset, 'Not a valid calendar date and time'),
  ),
);
