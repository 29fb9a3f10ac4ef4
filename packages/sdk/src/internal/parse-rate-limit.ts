/**
 * How long the IETF RateLimit headers ask a client to wait, in milliseconds, or undefined.
 *
 * - `RateLimit: "default";r=0;t=10` (draft-ietf-httpapi-ratelimit-headers-08 and later): a list of
 *   structured-field items, one per policy, with `r` = remaining quota units and `t` = seconds until
 *   the quota resets. Only exhausted policies (r=0) make us wait; the longest of them wins.
 * - `RateLimit-Reset: 10` (earlier drafts): seconds until reset; also the older combined form
 *   `RateLimit: limit=100, remaining=0, reset=10`.
 */
export function parseRateLimitDelay(headers: Headers): number | undefined {
  const combined = headers.get('ratelimit');
  if (combined) {
    const fromItems = parseStructuredItems(combined);
    if (fromItems !== undefined) return fromItems;
    const legacyReset = /(?:^|[,;\s])reset=(\d+(?:\.\d+)?)/i.exec(combined);
    const legacyRemaining = /(?:^|[,;\s])remaining=(\d+)/i.exec(combined);
    if (legacyReset?.[1] && (!legacyRemaining || legacyRemaining[1] === '0')) {
      return Math.round(Number(legacyReset[1]) * 1000);
    }
  }
  const reset = headers.get('ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const remaining = headers.get('ratelimit-remaining')?.trim();
    if (remaining === undefined || remaining === '0') return Math.round(Number(reset) * 1000);
  }
  return undefined;
}

function parseStructuredItems(value: string): number | undefined {
  let longest: number | undefined;
  // Items are separated by commas; quoted policy names never contain commas or semicolons in practice.
  for (const item of value.split(',')) {
    const [name, ...params] = item.split(';').map((part) => part.trim());
    if (!name || !/^"[^"]*"$|^[a-z*][a-z0-9_\-.:*]*$/i.test(name) || params.length === 0) continue;
    let remaining: number | undefined;
    let reset: number | undefined;
    for (const param of params) {
      const match = /^([a-z]+)=(\d+(?:\.\d+)?)$/i.exec(param);
      if (!match) continue;
      if (match[1] === 'r') remaining = Number(match[2]);
      if (match[1] === 't') reset = Number(match[2]);
    }
    if (reset === undefined || remaining === undefined) continue;
    if (remaining === 0) longest = Math.max(longest ?? 0, Math.round(reset * 1000));
  }
  return longest;
}
