import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimeZone, wallClockAt, wallTimeToEpochMs, zonedTimeToEpochMs, zoneOffsetMinutes } from './zoned-time';

// Zones with DST, half- and quarter-hour offsets and 30-minute DST shifts.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Tashkent',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Asia/Almaty',
  'America/Santiago',
];

describe('wallTimeToEpochMs', () => {
  it('reads a wall time in its zone', () => {
    expect(wallTimeToEpochMs('Asia/Tashkent', 2026, 11, 1, 9, 30)).toBe(Date.parse('2026-11-01T04:30:00Z'));
    expect(wallTimeToEpochMs('UTC', 2026, 1, 1)).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('moves a time in a DST gap forward and takes the first of two in an overlap', () => {
    expect(wallTimeToEpochMs('America/New_York', 2026, 3, 8, 2, 30)).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(wallTimeToEpochMs('America/New_York', 2026, 11, 1, 1, 30)).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(wallTimeToEpochMs('Europe/Berlin', 2026, 3, 29, 2, 15)).toBe(Date.parse('2026-03-29T01:15:00Z'));
  });

  it('agrees with the contract zonedTimeToEpochMs (property)', () => {
    const zones = ZONES;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }),
        (zone, date) => {
          const iso = date.toISOString().slice(0, 16);
          const [d, t] = iso.split('T') as [string, string];
          const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
          const [h, mi] = t.split(':').map(Number) as [number, number];
          expect(wallTimeToEpochMs(zone, y, mo, da, h, mi)).toBe(zonedTimeToEpochMs(iso, zone));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('wallClockAt and zoneOffsetMinutes', () => {
  it('shows the local clock and offset', () => {
    expect(wallClockAt(Date.parse('2026-06-01T17:05:09Z'), 'Asia/Tashkent')).toEqual({
      year: 2026,
      month: 6,
      day: 1,
      hour: 22,
      minute: 5,
      second: 9,
    });
    expect(zoneOffsetMinutes('Asia/Kolkata', 0)).toBe(330);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-07-01T00:00:00Z'))).toBe(-240);
  });

  it('throws for an unknown zone', () => {
    expect(() => wallClockAt(0, 'Mars/Base')).toThrow(RangeError);
  });

  it('shows what Intl shows, to the second, at any instant since 1970 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: Date.parse('2040-01-01T00:00:00Z') }),
        (zone, t) => {
          const intl = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
          const parts = Object.fromEntries(intl.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
          expect(wallClockAt(t, zone)).toEqual({
            year: Number(parts.year),
            month: Number(parts.month),
            day: Number(parts.day),
            hour: Number(parts.hour),
            minute: Number(parts.minute),
            second: Number(parts.second),
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is exact on both sides of a DST change', () => {
    // New York springs forward at 2026-03-08T07:00Z.
    expect(wallClockAt(Date.parse('2026-03-08T06:59:59Z'), 'America/New_York')).toMatchObject({ hour: 1, minute: 59 });
    expect(wallClockAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toMatchObject({ hour: 3, minute: 0 });
  });

  it('knows zone names and refuses offsets and junk', () => {
    expect(isTimeZone('Asia/Tashkent')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['+05:00', '', 'Mars/Base', 42, 'x'.repeat(65)]) expect(isTimeZone(bad)).toBe(false);
  });
});

// From the string-level API (the wire's `scheduledAt` + `timezone`).

describe('isTimeZone (strings)', () => {
  it('accepts IANA names and UTC, rejects offsets and junk', () => {
    expect(isTimeZone('Asia/Tashkent')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+05:00')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('zonedTimeToEpochMs (strings)', () => {
  it('reads a wall time in a fixed-offset zone', () => {
    expect(new Date(zonedTimeToEpochMs('2026-11-01T09:30', 'Asia/Tashkent')).toISOString()).toBe(
      '2026-11-01T04:30:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    expect(new Date(zonedTimeToEpochMs('2026-07-01T12:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(new Date(zonedTimeToEpochMs('2026-12-01T12:00:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-12-01T11:00:00.000Z',
    );
  });

  it('takes the earlier instant in an overlap and moves past a gap', () => {
    // Berlin: clocks go back 03:00 → 02:00 on 2026-10-25, forward 02:00 → 03:00 on 2026-03-29.
    expect(new Date(zonedTimeToEpochMs('2026-10-25T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(zonedTimeToEpochMs('2026-03-29T02:30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('rejects bad input', () => {
    expect(() => zonedTimeToEpochMs('2026-11-01T09:30Z', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToEpochMs('2026-11-01T09:30', 'Nowhere/City')).toThrow(RangeError);
  });
});
