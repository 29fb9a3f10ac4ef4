import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  cachedPortabilityLookup,
  type NumberPortabilityLookup,
  resolveOperator,
  staticPortabilityTable,
} from './number-portability';

const PORTED = '+998901234567';
const NOT_PORTED = '+998935550011';

/** An inner lookup that counts its calls and answers from a table, or as told. */
function countingLookup(answer: (e164: string) => Promise<string | null | undefined>) {
  const calls: string[] = [];
  const lookup: NumberPortabilityLookup = {
    lookup: (e164) => {
      calls.push(e164);
      return answer(e164);
    },
  };
  return { lookup, calls };
}

function manualClock() {
  let time = 0;
  return {
    now: () => time,
    set: (ms: number) => {
      time = ms;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('staticPortabilityTable', () => {
  it('answers the operator of a listed number and null for any other', async () => {
    const table = staticPortabilityTable({ [PORTED]: 'ucell' });
    expect(table.size).toBe(1);
    expect(await table.lookup(PORTED)).toBe('ucell');
    expect(await table.lookup(NOT_PORTED)).toBeNull();
    expect(await table.lookup('__proto__')).toBeNull();
  });

  it('refuses malformed entries by position, without repeating the number', () => {
    const entries = { [PORTED]: 'ucell', '998935550011': 'beeline', '+998971112233': 'Mobiuz' };
    const attempt = () => staticPortabilityTable(entries);
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(/entry 2: the key is not an E\.164 number.*entry 3: the value is not a lower-case/);
    expect(attempt).not.toThrow(/998935550011/);
  });
});

describe('cachedPortabilityLookup', () => {
  it('keeps operator answers and not-ported answers alike until the time to live passes', async () => {
    const time = manualClock();
    const inner = countingLookup(async (e164) => (e164 === PORTED ? 'ucell' : null));
    const cached = cachedPortabilityLookup(inner.lookup, { ttlMs: 60_000, maxEntries: 100, now: time.now });
    expect(await cached.lookup(PORTED)).toBe('ucell');
    expect(await cached.lookup(NOT_PORTED)).toBeNull();
    time.set(59_999);
    expect(await cached.lookup(PORTED)).toBe('ucell');
    expect(await cached.lookup(NOT_PORTED)).toBeNull();
    expect(inner.calls).toEqual([PORTED, NOT_PORTED]);
    time.set(60_000);
    await cached.lookup(PORTED);
    expect(inner.calls).toEqual([PORTED, NOT_PORTED, PORTED]);
  });

  it('makes one inner call for concurrent lookups of the same number', async () => {
    let release: (operator: string) => void = () => {};
    const inner = countingLookup(
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    );
    const cached = cachedPortabilityLookup(inner.lookup, { ttlMs: 60_000, maxEntries: 100, now: () => 0 });
    const pending = [cached.lookup(PORTED), cached.lookup(PORTED), cached.lookup(PORTED)];
    release('beeline');
    expect(await Promise.all(pending)).toEqual(['beeline', 'beeline', 'beeline']);
    expect(inner.calls).toHaveLength(1);
  });

  it('answers undefined for a failing inner lookup and asks again next time', async () => {
    let failing = true;
    const inner = countingLookup(async () => {
      if (failing) throw new Error('MNP service down');
      return 'mobiuz';
    });
    const cached = cachedPortabilityLookup(inner.lookup, { ttlMs: 60_000, maxEntries: 100, now: () => 0 });
    expect(await cached.lookup(PORTED)).toBeUndefined();
    failing = false;
    expect(await cached.lookup(PORTED)).toBe('mobiuz');
    expect(inner.calls).toHaveLength(2);
  });

  it('answers undefined for an inner lookup that throws before returning a promise', async () => {
    const inner: NumberPortabilityLookup = {
      lookup: () => {
        throw new Error('not configured');
      },
    };
    const cached = cachedPortabilityLookup(inner, { ttlMs: 60_000, maxEntries: 100 });
    expect(await cached.lookup(PORTED)).toBeUndefined();
  });

  it('does not keep an answer that is not an operator id', async () => {
    const inner = countingLookup(async () => '');
    const cached = cachedPortabilityLookup(inner.lookup, { ttlMs: 60_000, maxEntries: 100, now: () => 0 });
    expect(await cached.lookup(PORTED)).toBeUndefined();
    expect(await cached.lookup(PORTED)).toBeUndefined();
    expect(inner.calls).toHaveLength(2);
  });

  it('gives up on a slow inner lookup after timeoutMs, aborts it, and does not keep the miss', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    let calls = 0;
    const inner: NumberPortabilityLookup = {
      lookup: (_e164, options) => {
        calls++;
        if (options?.signal !== undefined) signals.push(options.signal);
        return new Promise(() => {});
      },
    };
    const cached = cachedPortabilityLookup(inner, { ttlMs: 60_000, maxEntries: 100, timeoutMs: 200, now: () => 0 });
    let answered = false;
    const answer = cached.lookup(PORTED).then((value) => {
      answered = true;
      return value;
    });
    await vi.advanceTimersByTimeAsync(199);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toBeUndefined();
    expect(signals[0]?.aborted).toBe(true);
    void cached.lookup(PORTED);
    expect(calls).toBe(2);
  });

  it('waits 500 ms by default', async () => {
    vi.useFakeTimers();
    const inner: NumberPortabilityLookup = { lookup: () => new Promise(() => {}) };
    const cached = cachedPortabilityLookup(inner, { ttlMs: 60_000, maxEntries: 100, now: () => 0 });
    let answered = false;
    void cached.lookup(PORTED).then(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe(true);
  });

  it('leaves no timer behind once the inner lookup has answered', async () => {
    vi.useFakeTimers();
    const cached = cachedPortabilityLookup(staticPortabilityTable({}), { ttlMs: 60_000, maxEntries: 100 });
    await cached.lookup(PORTED);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds at most maxEntries numbers, dropping the oldest', async () => {
    const inner = countingLookup(async () => null);
    const cached = cachedPortabilityLookup(inner.lookup, { ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    await cached.lookup('+998900000001');
    await cached.lookup('+998900000002');
    await cached.lookup('+998900000003');
    await cached.lookup('+998900000003');
    await cached.lookup('+998900000002');
    expect(inner.calls).toHaveLength(3);
    await cached.lookup('+998900000001');
    expect(inner.calls).toHaveLength(4);
  });
});

describe('resolveOperator', () => {
  const lookupAnswering = (answer: string | null | undefined): NumberPortabilityLookup => ({
    lookup: async () => answer,
  });

  it('routes by the portability answer when there is one, over the prefix', async () => {
    expect(
      await resolveOperator({ e164: PORTED, prefixOperator: 'beeline', lookup: lookupAnswering('ucell') }),
    ).toEqual({ operator: 'ucell', source: 'portability' });
  });

  it('uses the portability answer even when the prefix is unknown', async () => {
    expect(await resolveOperator({ e164: PORTED, prefixOperator: null, lookup: lookupAnswering('ucell') })).toEqual({
      operator: 'ucell',
      source: 'portability',
    });
  });

  it.each([
    ['not ported', lookupAnswering(null)],
    ['no answer now', lookupAnswering(undefined)],
    [
      'a lookup that throws',
      {
        lookup: async () => {
          throw new Error('down');
        },
      },
    ],
    ['no lookup configured', undefined],
  ])('falls back to the prefix operator when %s', async (_name, lookup) => {
    expect(await resolveOperator({ e164: PORTED, prefixOperator: 'beeline', lookup })).toEqual({
      operator: 'beeline',
      source: 'prefix',
    });
  });

  it('answers null from null when neither source knows', async () => {
    expect(
      await resolveOperator({ e164: '+77011234567', prefixOperator: null, lookup: lookupAnswering(null) }),
    ).toEqual({ operator: null, source: null });
  });
});
