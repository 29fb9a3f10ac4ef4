/**
 * Receipt dates are written `YYMMDDhhmm` (or with seconds) in the SMSC's local time, with no
 * zone marker: a carrier in Tashkent writes UTC+5. The gateway has to know the zone from its
 * carrier profile, so the simulator writes them exactly like that.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// formatToParts is the costliest step of a receipt, and thousands of receipts a second share
// the same minute: remember the last answer per zone and precision.
const last = new Map<string, { unit: number; text: string }>();

/** `epochMs` as `YYMMDDhhmm` (or `YYMMDDhhmmss` with `seconds`) in the IANA `timeZone`. */
export function formatReceiptDate(epochMs: number, timeZone: string, seconds = false): string {
  const unit = Math.floor(epochMs / (seconds ? 1_000 : 60_000));
  const key = seconds ? `${timeZone}|s` : timeZone;
  const cached = last.get(key);
  if (cached !== undefined && cached.unit === unit) return cached.text;
  const text = format(epochMs, timeZone, seconds);
  last.set(key, { unit, text });
  return text;
}

function format(epochMs: number, timeZone: string, seconds: boolean): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  const minutes = `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}`;
  return seconds ? `${minutes}${parts.second}` : minutes;
}
