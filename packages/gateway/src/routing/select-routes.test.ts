import { describe, expect, it } from 'vitest';
import { routesSchema } from './route-table';
import { type SelectRoutesInput, selectRoutes } from './select-routes';

// mulberry32: a small seeded generator, so the statistical tests give the same draws every run.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uzTransactional = { country: 'UZ', operator: 'ucell', type: 'transactional', segments: 1 } as const;

function input(routes: unknown[], overrides: Partial<SelectRoutesInput> = {}): SelectRoutesInput {
  return {
    routes: routesSchema.parse(routes),
    message: uzTransactional,
    allowedCarriers: null,
    excluded: new Set(),
    partsOn: () => 1,
    isAvailable: () => true,
    random: seededRandom(1),
    ...overrides,
  };
}

const carriersOf = (selection: { candidates: { carrier: string }[] }) => selection.candidates.map((c) => c.carrier);

describe('selectRoutes', () => {
  it('tries lower priorities first, whatever the file order', () => {
    const selection = selectRoutes(
      input([
        { carrier: 'c', priority: 2 },
        { carrier: 'a', priority: 0 },
        { carrier: 'b', priority: 1 },
      ]),
    );
    expect(carriersOf(selection)).toEqual(['a', 'b', 'c']);
    expect(selection.candidates.map((c) => c.priority)).toEqual([0, 1, 2]);
  });

  it('leaves out routes for another country, operator or type without listing them as skipped', () => {
    const selection = selectRoutes(
      input([
        { carrier: 'kz', countries: ['KZ'] },
        { carrier: 'beeline', countries: ['UZ'], operators: ['beeline'] },
        { carrier: 'marketing', types: ['marketing'] },
        { carrier: 'ucell', countries: ['UZ'], operators: ['ucell'], types: ['transactional'] },
        { carrier: 'any', priority: 1 },
      ]),
    );
    expect(carriersOf(selection)).toEqual(['ucell', 'any']);
    expect(selection.skipped).toEqual([]);
  });

  it('matches only routes without a country or operator filter when the message does not know them', () => {
    const selection = selectRoutes(
      input(
        [
          { carrier: 'uz', countries: ['UZ'] },
          { carrier: 'ucell', operators: ['ucell'] },
          { carrier: 'any', priority: 1 },
        ],
        { message: { country: null, operator: null, type: 'transactional', segments: 1 } },
      ),
    );
    expect(carriersOf(selection)).toEqual(['any']);
  });

  it('lists a carrier once, under its first matching route by priority', () => {
    const selection = selectRoutes(
      input([
        { id: 'late', carrier: 'a', priority: 5 },
        { id: 'other-country', carrier: 'a', countries: ['KZ'], priority: 0 },
        { id: 'early', carrier: 'a', countries: ['UZ'], priority: 1 },
        { carrier: 'b', priority: 3 },
      ]),
    );
    expect(carriersOf(selection)).toEqual(['a', 'b']);
    expect(selection.candidates[0]?.route.id).toBe('early');
  });

  it('skips carriers the message already failed on, and says so once per carrier', () => {
    const selection = selectRoutes(
      input(
        [
          { carrier: 'a', countries: ['UZ'] },
          { carrier: 'a', priority: 1 },
          { carrier: 'b', priority: 2 },
        ],
        { excluded: new Set(['a']) },
      ),
    );
    expect(carriersOf(selection)).toEqual(['b']);
    expect(selection.skipped).toEqual([{ carrier: 'a', reason: 'excluded' }]);
  });

  it('skips carriers the sender is not registered on, unless the sender is unrestricted', () => {
    const routes = [{ carrier: 'a' }, { carrier: 'b', priority: 1 }];
    const restricted = selectRoutes(input(routes, { allowedCarriers: new Set(['b']) }));
    expect(carriersOf(restricted)).toEqual(['b']);
    expect(restricted.skipped).toEqual([{ carrier: 'a', reason: 'sender_not_registered' }]);
    expect(carriersOf(selectRoutes(input(routes, { allowedCarriers: null })))).toEqual(['a', 'b']);
  });

  it('skips a carrier that would need more parts than the customer was quoted', () => {
    const selection = selectRoutes(
      input([{ carrier: 'udh' }, { carrier: 'sar', priority: 1 }], {
        message: { ...uzTransactional, segments: 2 },
        partsOn: (carrier) => (carrier === 'udh' ? 3 : 2),
      }),
    );
    expect(carriersOf(selection)).toEqual(['sar']);
    expect(selection.candidates[0]?.parts).toBe(2);
    expect(selection.skipped).toEqual([{ carrier: 'udh', reason: 'more_parts' }]);
  });

  it('keeps a carrier that needs fewer parts than quoted', () => {
    const selection = selectRoutes(
      input([{ carrier: 'a' }], { message: { ...uzTransactional, segments: 3 }, partsOn: () => 2 }),
    );
    expect(selection.candidates).toMatchObject([{ carrier: 'a', parts: 2 }]);
  });

  it('skips carriers that are unavailable (circuit open or no bind)', () => {
    const selection = selectRoutes(
      input([{ carrier: 'down' }, { carrier: 'up', priority: 1 }], { isAvailable: (c) => c === 'up' }),
    );
    expect(carriersOf(selection)).toEqual(['up']);
    expect(selection.skipped).toEqual([{ carrier: 'down', reason: 'unavailable' }]);
  });

  it('does not ask about parts or availability for a carrier already ruled out', () => {
    const asked: string[] = [];
    selectRoutes(
      input([{ carrier: 'failed' }, { carrier: 'ok' }], {
        excluded: new Set(['failed']),
        partsOn: (c) => {
          asked.push(`parts:${c}`);
          return 1;
        },
        isAvailable: (c) => {
          asked.push(`available:${c}`);
          return true;
        },
      }),
    );
    expect(asked).toEqual(['parts:ok', 'available:ok']);
  });

  it('returns no candidates when nothing matches', () => {
    expect(selectRoutes(input([{ carrier: 'kz', countries: ['KZ'] }]))).toEqual({ candidates: [], skipped: [] });
  });

  it('gives the same order for the same random sequence', () => {
    const routes = [{ carrier: 'a' }, { carrier: 'b', weight: 2 }, { carrier: 'c', weight: 3 }];
    const first = carriersOf(selectRoutes(input(routes, { random: seededRandom(42) })));
    const second = carriersOf(selectRoutes(input(routes, { random: seededRandom(42) })));
    expect(second).toEqual(first);
    expect([...first].sort()).toEqual(['a', 'b', 'c']);
  });

  it('survives a random source that returns its upper bound', () => {
    const selection = selectRoutes(input([{ carrier: 'a' }, { carrier: 'b' }], { random: () => 1 }));
    expect([...carriersOf(selection)].sort()).toEqual(['a', 'b']);
  });

  describe('weighted shares within a priority (10,000 seeded draws)', () => {
    const draws = 10_000;

    function firstPickShares(routes: unknown[], overrides: Partial<SelectRoutesInput> = {}): Map<string, number> {
      const selection = input(routes, { ...overrides, random: seededRandom(20_251_125) });
      const counts = new Map<string, number>();
      for (let i = 0; i < draws; i++) {
        const first = selectRoutes(selection).candidates[0]!.carrier;
        counts.set(first, (counts.get(first) ?? 0) + 1);
      }
      return new Map([...counts].map(([carrier, count]) => [carrier, count / draws]));
    }

    it('tries a weight-3 carrier first about 75% of the time next to a weight-1 carrier', () => {
      const shares = firstPickShares([
        { carrier: 'heavy', weight: 3 },
        { carrier: 'light', weight: 1 },
      ]);
      expect(shares.get('heavy')).toBeGreaterThan(0.72);
      expect(shares.get('heavy')).toBeLessThan(0.78);
    });

    it('splits 2:1:1 as 50%, 25%, 25%', () => {
      const shares = firstPickShares([
        { carrier: 'a', weight: 2 },
        { carrier: 'b', weight: 1 },
        { carrier: 'c', weight: 1 },
      ]);
      expect(shares.get('a')).toBeGreaterThan(0.47);
      expect(shares.get('a')).toBeLessThan(0.53);
      for (const carrier of ['b', 'c']) {
        expect(shares.get(carrier)).toBeGreaterThan(0.22);
        expect(shares.get(carrier)).toBeLessThan(0.28);
      }
    });

    it('shares only among carriers that can take the message', () => {
      const shares = firstPickShares(
        [
          { carrier: 'a', weight: 1 },
          { carrier: 'b', weight: 1 },
          { carrier: 'down', weight: 8 },
        ],
        { isAvailable: (c) => c !== 'down' },
      );
      expect(shares.get('down')).toBeUndefined();
      expect(shares.get('a')).toBeGreaterThan(0.47);
      expect(shares.get('a')).toBeLessThan(0.53);
    });

    it('never lets weight lift a carrier above a lower priority', () => {
      const shares = firstPickShares([
        { carrier: 'primary', priority: 0, weight: 1 },
        { carrier: 'big-backup', priority: 1, weight: 1000 },
      ]);
      expect(shares.get('primary')).toBe(1);
    });
  });
});
