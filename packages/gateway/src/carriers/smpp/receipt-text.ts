/** The fields of a receipt text, each null when missing. */
export interface ReceiptTextFields {
  readonly id: string | null;
  readonly sub: string | null;
  readonly dlvrd: string | null;
  readonly submitDate: Date | null;
  readonly doneDate: Date | null;
  readonly stat: string | null;
  readonly err: string | null;
  readonly text: string | null;
}

const KEYS = /(?:^|\s)(id|sub|dlvrd|submit[ _]date|done[ _]date|stat|err|text)\s*:/gi;

/**
 * Parses the de-facto receipt text (SMPP 3.4 Appendix B)
 * `id:… sub:… dlvrd:… submit date:… done date:… stat:… err:… text:…`, leniently: any case,
 * fields missing or reordered, `submit_date` spelt with an underscore, dates of 10
 * (`YYMMDDhhmm`) or 12 (`YYMMDDhhmmss`) digits read in `timeZone` (carriers write local time
 * without a zone). `text:` takes the rest of the line, spaces and colons included.
 */
export function parseReceiptText(body: string, timeZone = 'UTC'): ReceiptTextFields {
  const marks: { key: string; start: number; valueStart: number }[] = [];
  for (const match of body.matchAll(KEYS)) {
    const key = match[1]!.toLowerCase().replace('_', ' ');
    if (marks.some((mark) => mark.key === 'text')) break;
    marks.push({
      key,
      start: match.index + (match[0].length - match[0].trimStart().length),
      valueStart: match.index + match[0].length,
    });
  }
  const values = new Map<string, string>();
  marks.forEach((mark, index) => {
    const end = mark.key === 'text' ? body.length : (marks[index + 1]?.start ?? body.length);
    const value = body.slice(mark.valueStart, end);
    if (!values.has(mark.key)) values.set(mark.key, mark.key === 'text' ? value : value.trim());
  });
  const field = (key: string) => {
    const value = values.get(key);
    return value === undefined || value === '' ? null : value;
  };
  return {
    id: field('id'),
    sub: field('sub'),
    dlvrd: field('dlvrd'),
    submitDate: parseReceiptDate(field('submit date'), timeZone),
    doneDate: parseReceiptDate(field('done date'), timeZone),
    stat: field('stat')?.toUpperCase() ?? null,
    err: field('err'),
    text: values.get('text') ?? null,
  };
}

/** `YYMMDDhhmm` or `YYMMDDhhmmss` local time in `timeZone` → the instant; null when unreadable. */
export function parseReceiptDate(value: string | null, timeZone = 'UTC'): Date | null {
  if (value === null) return null;
  const match = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/.exec(value.trim());
  if (match === null) return null;
  const [, yy, mo, dd, hh, mi, ss] = match;
  const month = Number(mo);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(hh) > 23 || Number(mi) > 59) return null;
  // Two-digit years: receipts are recent, so 20YY.
  const wall = Date.UTC(2000 + Number(yy), month - 1, day, Number(hh), Number(mi), Number(ss ?? 0));
  // The zone's offset at that wall time; checked again at the result for DST edges.
  let instant = wall - offsetMs(timeZone, wall);
  instant = wall - offsetMs(timeZone, instant);
  return new Date(instant);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Offsets change only at DST transitions, which fall on quarter hours: one lookup per zone and
// quarter hour instead of two Intl calls per receipt (they cost ~30 µs a receipt on the hot path).
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

function offsetMs(timeZone: string, instant: number): number {
  if (timeZone === 'UTC') return 0;
  const key = `${timeZone}\0${Math.floor(instant / QUARTER_HOUR)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffsetMs(timeZone, Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR);
  if (offsets.size >= 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function computeOffsetMs(timeZone: string, instant: number): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(instant / 1000) * 1000;
}
