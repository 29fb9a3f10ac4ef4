import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedTimeToEpochMs } from './time-zone';

describe('isTimeZone', () => {
  it('accepts IANA names and UTC, rejects offsets and junk', () => {
    expect(isTimeZone('Asia/Tashkent')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+05:00')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('zonedTimeToEpochMs', () => {
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
