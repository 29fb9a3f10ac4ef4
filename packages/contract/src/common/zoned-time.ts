/**
 * Wall-clock time in IANA zones, fast enough for the gateway's send path.
 *
 * Building an Intl.DateTimeFormat costs about 0.3 ms on Node 24, which would
 * cost a second per batch of 1,000 scheduled or quiet-hours messages. So the
 * formatters are cached per zone, and so are offsets per zone and
 * 15-minute slice of UTC time: every offset change in tzdata since 1970 falls
 * on a quarter hour of UTC (offsets are whole quarter hours and changes
 * happen on the minute 00 or 30 of local time), so the offset is constant
 * within a slice. Intl is the only zone database every runtime ships, edge
 * runtimes included.
 */

import { pure } from '../internal/pure';

const formatters = pure(() => new Map<string, Intl.DateTimeFormat>());

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws a RangeError for an unknown zone, before anything is cached.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Intl accepts any casing of a name, so bound the cache against junk.
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local calendar fields in a zone at an instant (seconds precision). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The offset read from Intl, uncached. */
function intlOffsetMinutes(timeZone: string, epochMs: number): number {
  const v = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type in v) v[part.type as keyof typeof v] = Number(part.value);
  }
  const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const SLICE_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 50_000;
const offsets = pure(() => new Map<string, number>());

/** The zone's offset from UTC in minutes at an instant (Tashkent: 300). Throws a RangeError for an unknown zone. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  const slice = Math.floor(epochMs / SLICE_MS);
  const cacheKey = `${timeZone} ${slice}`;
  let offset = offsets.get(cacheKey);
  if (offset === undefined) {
    offset = intlOffsetMinutes(timeZone, slice * SLICE_MS);
    // A bounded cache: clearing it now and then is simpler than an LRU and
    // costs one Intl call per zone and slice afterwards.
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(cacheKey, offset);
  }
  return offset;
}

/** What the wall clock in `timeZone` shows at `epochMs`. Throws a RangeError for an unknown zone. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const local = new Date(epochMs + zoneOffsetMinutes(timeZone, epochMs) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * True for a time zone name Intl knows (IANA names such as `Asia/Tashkent`, and `UTC`).
 * Offsets such as `+05:00` are accepted by Intl but are not zone names: refused.
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !/^[A-Za-z]/.test(value)) return false;
  if (formatters.has(value)) return true;
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local
 * fields (month 1–12; out-of-range days roll over as in Date.UTC).
 * - In a gap (clocks jumped forward), the time is read with the offset in
 *   force before the jump, so it moves forward by the gap: New York
 *   2026-03-08 02:30 → 03:30 EDT.
 * - In an overlap (clocks went back), the earlier instant is taken: New York
 *   2026-11-01 01:30 → 01:30 EDT (05:30Z), not EST.
 */
export function wallTimeToEpochMs(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const before = zoneOffsetMinutes(timeZone, wall - 86_400_000);
  const after = zoneOffsetMinutes(timeZone, wall + 86_400_000);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset * 60_000;
    if (zoneOffsetMinutes(timeZone, candidate) === offset && (best === undefined || candidate < best)) best = candidate;
  }
  return best ?? wall - before * 60_000;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local
 * date-time (`2026-11-01T09:30` in `Asia/Tashkent` → 04:30Z), with the gap and
 * overlap rules of {@link wallTimeToEpochMs}. Returns milliseconds since the epoch.
 */
export function zonedTimeToEpochMs(localDateTime: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(localDateTime);
  if (!m) throw new RangeError(`Not a local date-time: ${JSON.stringify(localDateTime)}`);
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return wallTimeToEpochMs(
    timeZone,
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    ms,
  );
}
