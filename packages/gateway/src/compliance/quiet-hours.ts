import { isTimeZone, wallClockAt, wallTimeToEpochMs } from '@karvon/contract';

/**
 * Quiet hours: marketing messages are not sent at night in the recipient's
 * local time. A message accepted inside the window is held until the window
 * ends; if that is after its validity ends, it expires instead (with its own
 * `expired` status, never sent late).
 *
 * The recipient's zone comes from the country of the number. Countries with
 * several zones (Russia, the United States…) use the most restrictive
 * reading: a moment is allowed only if it is outside the window in every one
 * of the country's zones, unless the caller names the zone (`timezone` on the
 * send request). Transactional messages (codes, receipts, alerts) are exempt
 * by default: holding a login code until 09:00 helps no one.
 */

/** A daily window in local wall time, `HH:MM` 24-hour. It may cross midnight (21:00–09:00). */
export interface QuietHoursWindow {
  readonly start: string;
  readonly end: string;
}

/** 21:00 to 09:00 local time: the usual rule for promotional SMS (operators and regulators commonly ask for daytime sending). Configurable per account. */
export const DEFAULT_QUIET_HOURS: QuietHoursWindow = { start: '21:00', end: '09:00' };

/**
 * IANA zones per country (ISO 3166-1 alpha-2). One zone for single-zone
 * countries; every populated zone for the multi-zone ones, so the most
 * restrictive reading covers them all. Kazakhstan has one zone (UTC+5) since
 * 1 March 2024 (tzdata 2024a), which Node's ICU data includes.
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, readonly string[]>> = {
  // Central Asia and neighbours first.
  UZ: ['Asia/Tashkent'],
  KZ: ['Asia/Almaty'],
  KG: ['Asia/Bishkek'],
  TJ: ['Asia/Dushanbe'],
  TM: ['Asia/Ashgabat'],
  AF: ['Asia/Kabul'],
  AZ: ['Asia/Baku'],
  GE: ['Asia/Tbilisi'],
  AM: ['Asia/Yerevan'],
  BY: ['Europe/Minsk'],
  UA: ['Europe/Kyiv'],
  MD: ['Europe/Chisinau'],
  TR: ['Europe/Istanbul'],
  IR: ['Asia/Tehran'],
  MN: ['Asia/Ulaanbaatar', 'Asia/Hovd'],
  RU: [
    'Europe/Kaliningrad',
    'Europe/Moscow',
    'Europe/Samara',
    'Asia/Yekaterinburg',
    'Asia/Omsk',
    'Asia/Novosibirsk',
    'Asia/Krasnoyarsk',
    'Asia/Irkutsk',
    'Asia/Yakutsk',
    'Asia/Vladivostok',
    'Asia/Magadan',
    'Asia/Kamchatka',
  ],
  // Asia and the Middle East.
  CN: ['Asia/Shanghai'],
  IN: ['Asia/Kolkata'],
  PK: ['Asia/Karachi'],
  BD: ['Asia/Dhaka'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  SG: ['Asia/Singapore'],
  MY: ['Asia/Kuala_Lumpur'],
  TH: ['Asia/Bangkok'],
  VN: ['Asia/Ho_Chi_Minh'],
  PH: ['Asia/Manila'],
  ID: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
  AE: ['Asia/Dubai'],
  SA: ['Asia/Riyadh'],
  QA: ['Asia/Qatar'],
  KW: ['Asia/Kuwait'],
  IL: ['Asia/Jerusalem'],
  EG: ['Africa/Cairo'],
  // Europe.
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  DE: ['Europe/Berlin'],
  FR: ['Europe/Paris'],
  IT: ['Europe/Rome'],
  ES: ['Europe/Madrid', 'Atlantic/Canary'],
  PT: ['Europe/Lisbon', 'Atlantic/Azores'],
  NL: ['Europe/Amsterdam'],
  BE: ['Europe/Brussels'],
  CH: ['Europe/Zurich'],
  AT: ['Europe/Vienna'],
  PL: ['Europe/Warsaw'],
  CZ: ['Europe/Prague'],
  SE: ['Europe/Stockholm'],
  NO: ['Europe/Oslo'],
  DK: ['Europe/Copenhagen'],
  FI: ['Europe/Helsinki'],
  GR: ['Europe/Athens'],
  RO: ['Europe/Bucharest'],
  LV: ['Europe/Riga'],
  LT: ['Europe/Vilnius'],
  EE: ['Europe/Tallinn'],
  // Africa.
  NG: ['Africa/Lagos'],
  KE: ['Africa/Nairobi'],
  ZA: ['Africa/Johannesburg'],
  MA: ['Africa/Casablanca'],
  CD: ['Africa/Kinshasa', 'Africa/Lubumbashi'],
  // The Americas and Oceania.
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  CA: [
    'America/St_Johns',
    'America/Halifax',
    'America/Toronto',
    'America/Winnipeg',
    'America/Regina',
    'America/Edmonton',
    'America/Vancouver',
  ],
  MX: ['America/Cancun', 'America/Mexico_City', 'America/Chihuahua', 'America/Hermosillo', 'America/Tijuana'],
  BR: ['America/Noronha', 'America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco'],
  AR: ['America/Argentina/Buenos_Aires'],
  CL: ['America/Santiago', 'Pacific/Easter'],
  CO: ['America/Bogota'],
  PE: ['America/Lima'],
  EC: ['America/Guayaquil', 'Pacific/Galapagos'],
  AU: [
    'Australia/Sydney',
    'Australia/Brisbane',
    'Australia/Adelaide',
    'Australia/Darwin',
    'Australia/Perth',
    'Australia/Lord_Howe',
  ],
  NZ: ['Pacific/Auckland', 'Pacific/Chatham'],
};

/** The zones of a country, or `undefined` when the table does not know it. */
export function timeZonesFor(country: string | undefined): readonly string[] | undefined {
  if (!country) return undefined;
  const key = country.toUpperCase();
  return Object.hasOwn(COUNTRY_TIME_ZONES, key) ? COUNTRY_TIME_ZONES[key] : undefined;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`Expected a time as HH:MM (00:00–23:59), got ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Throws a RangeError unless both ends are `HH:MM`; for validating configuration. */
export function assertQuietHoursWindow(window: QuietHoursWindow): void {
  minutesOf(window.start);
  minutesOf(window.end);
}

/** True when the instant falls inside the window in that zone. A window whose start equals its end is empty. */
export function isQuietTime(
  epochMs: number,
  timeZone: string,
  window: QuietHoursWindow = DEFAULT_QUIET_HOURS,
): boolean {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return false;
  const clock = wallClockAt(epochMs, timeZone);
  const minute = clock.hour * 60 + clock.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The first instant after `epochMs` at which the local clock shows the window's end. */
function windowEndAfter(epochMs: number, timeZone: string, window: QuietHoursWindow): number {
  const { year, month, day } = wallClockAt(epochMs, timeZone);
  const end = minutesOf(window.end);
  // Inside the window, its end is today or tomorrow (local); a DST gap at the
  // end time moves it forward, like any wall time.
  for (let days = 0; days <= 2; days++) {
    const candidate = wallTimeToEpochMs(timeZone, year, month, day + days, Math.floor(end / 60), end % 60);
    if (candidate > epochMs) return candidate;
  }
  /* c8 ignore next */
  throw new Error('unreachable: a window end exists within two days');
}

export interface NextAllowedSendTimeOptions {
  /** When the message would otherwise be sent (now, or its scheduled time), epoch ms. */
  readonly now: number;
  /** Recipient's country (ISO 3166-1 alpha-2), from the number. */
  readonly country: string | undefined;
  readonly type: 'transactional' | 'marketing';
  readonly window?: QuietHoursWindow | undefined;
  /** A zone named by the caller; overrides the country's zones. */
  readonly timeZone?: string | undefined;
  /** When the message expires (epoch ms); a send time after it means `expired`. */
  readonly expiresAt?: number | undefined;
  /** Apply quiet hours to transactional messages too (an account setting). Default false. */
  readonly includeTransactional?: boolean | undefined;
}

export type NextAllowedSendTimeResult =
  | {
      readonly ok: true;
      /** When the message may be sent, epoch ms; equals `now` when not held. */
      readonly sendAt: number;
      /** True when quiet hours moved it. */
      readonly deferred: boolean;
    }
  /** Quiet hours would move it past its validity: it expires instead. `sendAt` is when it would have gone. */
  | { readonly ok: false; readonly reason: 'expired'; readonly sendAt: number }
  /** No zone for the country and none given: the caller must name `timezone` (or the route refuses). */
  | { readonly ok: false; readonly reason: 'unknown_time_zone' }
  /** The zones are so far apart that no moment is outside the window in all of them. */
  | { readonly ok: false; readonly reason: 'no_allowed_time' };

/**
 * The earliest moment at or after `now` when a message may be sent, given
 * quiet hours in the recipient's local time.
 */
export function nextAllowedSendTime(options: NextAllowedSendTimeOptions): NextAllowedSendTimeResult {
  const { now } = options;
  const window = options.window ?? DEFAULT_QUIET_HOURS;
  assertQuietHoursWindow(window);
  if (options.type !== 'marketing' && !options.includeTransactional) return { ok: true, sendAt: now, deferred: false };

  let zones: readonly string[] | undefined;
  if (options.timeZone !== undefined) {
    if (!isTimeZone(options.timeZone)) return { ok: false, reason: 'unknown_time_zone' };
    zones = [options.timeZone];
  } else zones = timeZonesFor(options.country);
  if (!zones) return { ok: false, reason: 'unknown_time_zone' };

  // Push the time past each zone's window until no zone objects. Each push
  // ends one zone's night; if a week passes without agreement, none exists.
  let at = now;
  for (let moved = true; moved; ) {
    moved = false;
    for (const zone of zones) {
      if (isQuietTime(at, zone, window)) {
        at = windowEndAfter(at, zone, window);
        moved = true;
      }
    }
    if (at - now > 7 * 86_400_000) return { ok: false, reason: 'no_allowed_time' };
  }
  if (options.expiresAt !== undefined && at > options.expiresAt) return { ok: false, reason: 'expired', sendAt: at };
  return { ok: true, sendAt: at, deferred: at !== now };
}
