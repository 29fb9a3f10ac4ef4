/**
 * True for a time zone name Intl knows (IANA names such as `Asia/Tashkent`,
 * and `UTC`). Intl is the only zone database every runtime ships, edge
 * runtimes included.
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  // Offsets like "+05:00" are accepted by Intl but are not zone names.
  if (!/^[A-Za-z]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** The zone's offset from UTC, in minutes, at an instant. */
function offsetMinutes(timeZone: string, epochMs: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const values: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs))) {
    if ((PARTS as readonly string[]).includes(part.type)) values[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(values.year!, values.month! - 1, values.day!, values.hour!, values.minute!, values.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local
 * date-time (`2026-11-01T09:30` in `Asia/Tashkent` → 04:30Z). In a gap (clocks
 * jumped forward) the time is read with the offset before the jump, so it
 * lands just after the gap; in an overlap (clocks went back) the earlier of
 * the two instants is taken. Returns milliseconds since the epoch.
 */
export function zonedTimeToEpochMs(localDateTime: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(localDateTime);
  if (!m) throw new RangeError(`Not a local date-time: ${JSON.stringify(localDateTime)}`);
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    ms,
  );
  // Try the offsets in force a day either side of the wall time; the
  // candidates whose wall clock matches are the real instants.
  const offsets = new Set([offsetMinutes(timeZone, wall - 86_400_000), offsetMinutes(timeZone, wall + 86_400_000)]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutes(timeZone, candidate) === offset) matches.push(candidate);
  }
  if (matches.length > 0) return Math.min(...matches);
  // A gap: use the offset in force before it.
  return wall - offsetMinutes(timeZone, wall - 86_400_000) * 60_000;
}
