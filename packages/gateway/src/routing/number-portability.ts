import { TtlCache } from '../storage/ttl-cache';

/**
 * Where a number really is: since 27 October 2023 Uzbek subscribers keep their number when they
 * change operator, so the prefix only tells who the block was allocated to.
 */
export interface NumberPortabilityLookup {
  /**
   * The operator id (`ucell`, `beeline`… as @karvon/sdk/phone names them) serving `e164`.
   * `null`: not ported, or unknown to the source (the prefix is right). `undefined`: no answer now
   * (the source failed or was too slow); the caller falls back to the prefix. `signal` is aborted
   * when the caller stops waiting, so a remote source can drop the request.
   */
  lookup(e164: string, options?: { readonly signal?: AbortSignal }): Promise<string | null | undefined>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const OPERATOR_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * A lookup from a table of ported numbers, such as an export of the national MNP database.
 * Operators keep it as a JSON file of E.164 number (with the `+`) → operator id, lower case,
 * and pass the parsed object here:
 *
 * ```json
 * { "+998901234567": "ucell", "+998935550011": "beeline" }
 * ```
 *
 * Only ported numbers need to be listed; a number not in the table answers `null`. A malformed
 * entry throws a `TypeError` naming its position (never the number) so a bad file fails at start.
 */
export function staticPortabilityTable(
  entries: Readonly<Record<string, string>>,
): NumberPortabilityLookup & { readonly size: number } {
  const table = new Map<string, string>();
  const problems: string[] = [];
  Object.entries(entries).forEach(([e164, operator], index) => {
    if (!E164.test(e164)) problems.push(`entry ${index + 1}: the key is not an E.164 number such as +998901234567`);
    else if (typeof operator !== 'string' || !OPERATOR_ID.test(operator))
      problems.push(`entry ${index + 1}: the value is not a lower-case operator id such as "ucell"`);
    else table.set(e164, operator);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new TypeError(`Invalid portability table: ${shown}${more}`);
  }
  return {
    size: table.size,
    lookup: async (e164) => table.get(e164) ?? null,
  };
}

export interface CachedPortabilityLookupOptions {
  /** How long an answer (an operator or a `null`) is kept. */
  readonly ttlMs: number;
  /** Beyond this many numbers the oldest entry is dropped. */
  readonly maxEntries: number;
  /** How long to wait for `inner` before answering `undefined`. Default 500 ms. */
  readonly timeoutMs?: number;
  /** Milliseconds; injectable for tests. */
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 500;

/**
 * Wraps a (usually remote) lookup for use on the send path. Answers are cached, `null` as well,
 * since most numbers are not ported and asking again for each of them would cost the most.
 * Concurrent lookups of one number share one inner call. A failed or slow inner call answers
 * `undefined` and is not cached, so the message goes by prefix now and the next one asks again.
 */
export function cachedPortabilityLookup(
  inner: NumberPortabilityLookup,
  options: CachedPortabilityLookupOptions,
): NumberPortabilityLookup {
  const cache = new TtlCache<string | null | undefined>(options.ttlMs, options.maxEntries);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  return {
    lookup: (e164) =>
      cache.get(
        e164,
        now(),
        () => answerWithin(inner, e164, timeoutMs),
        (answer) => answer !== undefined,
      ),
  };
}

/** The inner answer, or `undefined` if it throws, times out or answers something that is not an id. */
async function answerWithin(
  inner: NumberPortabilityLookup,
  e164: string,
  timeoutMs: number,
): Promise<string | null | undefined> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(undefined);
    }, timeoutMs);
  });
  const answered = (async () => {
    try {
      const answer = await inner.lookup(e164, { signal: controller.signal });
      if (answer === null) return null;
      return typeof answer === 'string' && answer !== '' ? answer : undefined;
    } catch {
      return undefined;
    }
  })();
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ResolvedOperator {
  readonly operator: string | null;
  /** Where `operator` came from; null when neither source knew. */
  readonly source: 'portability' | 'prefix' | null;
}

/**
 * The operator to route a message by: the portability lookup's answer when it has one, else the
 * operator its prefix was allocated to. Never throws: a failing lookup falls back to the prefix.
 * Give it a {@link cachedPortabilityLookup}, which also bounds how long it waits.
 */
export async function resolveOperator(input: {
  readonly e164: string;
  readonly prefixOperator: string | null;
  readonly lookup?: NumberPortabilityLookup | undefined;
}): Promise<ResolvedOperator> {
  if (input.lookup !== undefined) {
    let answer: string | null | undefined;
    try {
      answer = await input.lookup.lookup(input.e164);
    } catch {
      answer = undefined;
    }
    if (typeof answer === 'string' && answer !== '') return { operator: answer, source: 'portability' };
  }
  if (input.prefixOperator !== null) return { operator: input.prefixOperator, source: 'prefix' };
  return { operator: null, source: null };
}
