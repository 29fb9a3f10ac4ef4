import { describe, expect, it } from 'vitest';
import { resolveSchedule } from './resolve-schedule';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('resolveSchedule', () => {
  it('sends now when nothing is scheduled', () => {
    expect(resolveSchedule({ now })).toEqual({ ok: true, sendAt: now, scheduled: false });
  });

  it('reads a scheduledAt with an offset as an instant, ignoring timezone', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T09:30:00+05:00', timezone: 'America/New_York' })).toEqual({
      ok: true,
      sendAt: Date.parse('2026-03-02T04:30:00Z'),
      scheduled: true,
    });
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T04:30:00Z' })).toMatchObject({
      sendAt: Date.parse('2026-03-02T04:30:00Z'),
    });
  });

  it('reads a local date-time in the named zone', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T09:30', timezone: 'Asia/Tashkent' })).toEqual({
      ok: true,
      sendAt: Date.parse('2026-03-02T04:30:00Z'),
      scheduled: true,
    });
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T09:30:15.250', timezone: 'UTC' })).toMatchObject({
      sendAt: Date.parse('2026-03-02T09:30:15.250Z'),
    });
  });

  it('moves a time in a DST gap forward: New York 02:30 on 8 March 2026 is 03:30 EDT', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-08T02:30', timezone: 'America/New_York' })).toMatchObject({
      sendAt: Date.parse('2026-03-08T07:30:00Z'),
    });
  });

  it('takes the first occurrence of an ambiguous fall-back time: 01:30 EDT', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-11-01T01:30', timezone: 'America/New_York' })).toMatchObject({
      sendAt: Date.parse('2026-11-01T05:30:00Z'),
    });
  });

  it('sends a slightly past time now, within the skew', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-01T11:58:00Z' })).toEqual({
      ok: true,
      sendAt: now,
      scheduled: false,
    });
    expect(resolveSchedule({ now, scheduledAt: '2026-03-01T11:58:00Z', maxPastSkewMs: 0 })).toMatchObject({
      ok: false,
      reason: 'in_the_past',
    });
  });

  it('refuses times too far in the past or more than a year ahead', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-01T11:00:00Z' })).toMatchObject({ reason: 'in_the_past' });
    expect(resolveSchedule({ now, scheduledAt: '2027-03-03T12:00:00Z' })).toMatchObject({ reason: 'too_far_ahead' });
    expect(resolveSchedule({ now, scheduledAt: '2027-02-28T12:00:00Z' }).ok).toBe(true);
  });

  it('refuses a local time without zone, a bad zone and malformed values', () => {
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T09:30' })).toMatchObject({ reason: 'timezone_required' });
    expect(resolveSchedule({ now, scheduledAt: '2026-03-02T09:30', timezone: 'Asia/Nowhere' })).toMatchObject({
      reason: 'invalid_timezone',
    });
    for (const bad of ['tomorrow', '2026-02-30T09:30:00Z', '2026-03-02', '2026-03-02T25:00', '']) {
      expect(resolveSchedule({ now, scheduledAt: bad, timezone: 'UTC' }), bad).toMatchObject({
        reason: 'invalid_date_time',
      });
    }
  });
});
