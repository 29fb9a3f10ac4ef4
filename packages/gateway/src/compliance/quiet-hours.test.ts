import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertQuietHoursWindow,
  COUNTRY_TIME_ZONES,
  isQuietTime,
  nextAllowedSendTime,
  timeZonesFor,
} from './quiet-hours';

const at = (iso: string) => Date.parse(iso);

describe('isQuietTime', () => {
  it('reads the window in local time, across midnight', () => {
    // Tashkent is UTC+5 all year.
    expect(isQuietTime(at('2026-06-01T15:59:00Z'), 'Asia/Tashkent')).toBe(false); // 20:59
    expect(isQuietTime(at('2026-06-01T16:00:00Z'), 'Asia/Tashkent')).toBe(true); // 21:00
    expect(isQuietTime(at('2026-06-01T21:00:00Z'), 'Asia/Tashkent')).toBe(true); // 02:00
    expect(isQuietTime(at('2026-06-02T03:59:00Z'), 'Asia/Tashkent')).toBe(true); // 08:59
    expect(isQuietTime(at('2026-06-02T04:00:00Z'), 'Asia/Tashkent')).toBe(false); // 09:00
  });

  it('supports windows within one day and treats start = end as no quiet hours', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(isQuietTime(at('2026-06-01T07:30:00Z'), 'Asia/Tashkent', lunch)).toBe(true);
    expect(isQuietTime(at('2026-06-01T08:00:00Z'), 'Asia/Tashkent', lunch)).toBe(false);
    expect(isQuietTime(at('2026-06-01T20:00:00Z'), 'Asia/Tashkent', { start: '09:00', end: '09:00' })).toBe(false);
  });

  it('rejects malformed windows', () => {
    for (const bad of [
      { start: '9:00', end: '21:00' },
      { start: '24:00', end: '09:00' },
      { start: '21:60', end: '09:00' },
    ]) {
      expect(() => assertQuietHoursWindow(bad)).toThrow(RangeError);
    }
  });
});

describe('timeZonesFor', () => {
  it('knows Uzbekistan and every zone name in the table is valid', () => {
    expect(timeZonesFor('uz')).toEqual(['Asia/Tashkent']);
    expect(timeZonesFor('XX')).toBeUndefined();
    expect(timeZonesFor('constructor')).toBeUndefined();
    for (const zones of Object.values(COUNTRY_TIME_ZONES)) {
      for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });

  it('gives Kazakhstan one zone, UTC+5 since March 2024', () => {
    expect(timeZonesFor('KZ')).toEqual(['Asia/Almaty']);
    expect(isQuietTime(at('2026-06-01T16:00:00Z'), 'Asia/Almaty')).toBe(true); // 21:00 at UTC+5
    expect(isQuietTime(at('2026-06-01T15:30:00Z'), 'Asia/Almaty')).toBe(false);
  });
});

describe('nextAllowedSendTime', () => {
  it('sends marketing outside quiet hours at once', () => {
    const now = at('2026-06-01T07:00:00Z'); // 12:00 Tashkent
    expect(nextAllowedSendTime({ now, country: 'UZ', type: 'marketing' })).toEqual({
      ok: true,
      sendAt: now,
      deferred: false,
    });
  });

  it('holds marketing until the window ends in the recipient zone', () => {
    const now = at('2026-06-01T17:00:00Z'); // 22:00 Tashkent
    expect(nextAllowedSendTime({ now, country: 'UZ', type: 'marketing' })).toEqual({
      ok: true,
      sendAt: at('2026-06-02T04:00:00Z'), // 09:00 Tashkent next day
      deferred: true,
    });
    const early = at('2026-06-01T01:00:00Z'); // 06:00 Tashkent
    expect(nextAllowedSendTime({ now: early, country: 'UZ', type: 'marketing' })).toMatchObject({
      sendAt: at('2026-06-01T04:00:00Z'),
    });
  });

  it('exempts transactional messages unless the account includes them', () => {
    const now = at('2026-06-01T17:00:00Z');
    expect(nextAllowedSendTime({ now, country: 'UZ', type: 'transactional' })).toMatchObject({ deferred: false });
    expect(
      nextAllowedSendTime({ now, country: 'UZ', type: 'transactional', includeTransactional: true }),
    ).toMatchObject({ deferred: true });
  });

  it('uses the most restrictive zone of a multi-zone country', () => {
    // 14:00 UTC on 1 June: 17:00 Moscow (fine) but 02:00 in Kamchatka (UTC+12).
    const now = at('2026-06-01T14:00:00Z');
    const result = nextAllowedSendTime({ now, country: 'RU', type: 'marketing' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Every zone of Russia must be outside 21:00–09:00 at the chosen moment.
    for (const zone of timeZonesFor('RU')!) expect(isQuietTime(result.sendAt, zone), zone).toBe(false);
    // Kamchatka's 09:00 is 21:00Z; Kaliningrad (UTC+2) is then 23:00, quiet, so it waits further.
    expect(result.sendAt).toBeGreaterThan(now);
  });

  it('uses only the zone the caller names', () => {
    const now = at('2026-06-01T14:00:00Z'); // 17:00 Moscow
    expect(nextAllowedSendTime({ now, country: 'RU', type: 'marketing', timeZone: 'Europe/Moscow' })).toEqual({
      ok: true,
      sendAt: now,
      deferred: false,
    });
  });

  it('finds a common window across the United States and honours DST', () => {
    // 2026-03-08 is the US spring-forward day. 10:00Z is 05:00 EST → wait.
    const result = nextAllowedSendTime({ now: at('2026-03-08T10:00:00Z'), country: 'US', type: 'marketing' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const zone of timeZonesFor('US')!) expect(isQuietTime(result.sendAt, zone), zone).toBe(false);
    // Honolulu (UTC-10, no DST) is the last to reach 09:00: 19:00Z.
    expect(result.sendAt).toBe(at('2026-03-08T19:00:00Z'));
  });

  it('expires a message that quiet hours would move past its validity', () => {
    const now = at('2026-06-01T17:00:00Z'); // 22:00 Tashkent
    expect(nextAllowedSendTime({ now, country: 'UZ', type: 'marketing', expiresAt: now + 3_600_000 })).toEqual({
      ok: false,
      reason: 'expired',
      sendAt: at('2026-06-02T04:00:00Z'),
    });
  });

  it('needs a zone for a country the table does not know', () => {
    expect(nextAllowedSendTime({ now: 0, country: 'ZZ', type: 'marketing' })).toEqual({
      ok: false,
      reason: 'unknown_time_zone',
    });
    expect(nextAllowedSendTime({ now: 0, country: undefined, type: 'marketing', timeZone: 'Mars/Base' })).toEqual({
      ok: false,
      reason: 'unknown_time_zone',
    });
    expect(nextAllowedSendTime({ now: 0, country: 'ZZ', type: 'marketing', timeZone: 'UTC' }).ok).toBe(true);
  });

  it('reports when no moment is outside the window in every zone', () => {
    // Russia spans 10 hours; a 16-hour window leaves no common 8-hour day.
    expect(
      nextAllowedSendTime({
        now: at('2026-06-01T00:00:00Z'),
        country: 'RU',
        type: 'marketing',
        window: { start: '17:00', end: '09:00' },
      }),
    ).toEqual({ ok: false, reason: 'no_allowed_time' });
  });

  it('never returns a time inside the window, nor before now (property)', () => {
    const countries = ['UZ', 'RU', 'US', 'AU', 'BR', 'CA', 'MX', 'ID', 'GB'];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }),
        fc.constantFrom(...countries),
        (now, country) => {
          const result = nextAllowedSendTime({ now, country, type: 'marketing' });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.sendAt).toBeGreaterThanOrEqual(now);
          expect(result.sendAt - now).toBeLessThan(2 * 86_400_000);
          for (const zone of timeZonesFor(country)!) expect(isQuietTime(result.sendAt, zone)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
