/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3) into milliseconds from `now`.
 * Accepts delta-seconds (also with decimals, which some servers send) and HTTP dates; a date in the
 * past means "now" (0). Returns undefined for anything else, so garbage falls back to backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.round(Number(text) * 1000);
  }
  // HTTP-date (IMF-fixdate and the obsolete forms Date.parse understands). Require a letter so
  // strings like "-5" or "1e3" are not taken for dates by a lenient parser.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
