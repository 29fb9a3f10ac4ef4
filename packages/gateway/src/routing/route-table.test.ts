import { describe, expect, it } from 'vitest';
import { defaultRoutes, routeSchema, routesSchema, validateRoutesAgainstCarriers } from './route-table';

describe('routeSchema', () => {
  it('fills in priority 0 and weight 1 and leaves absent filters absent (match anything)', () => {
    const route = routeSchema.parse({ carrier: 'ucell-1' });
    expect(route).toEqual({ carrier: 'ucell-1', priority: 0, weight: 1 });
  });

  it('keeps every filter as written', () => {
    const route = routeSchema.parse({
      id: 'uz-ucell',
      carrier: 'ucell-1',
      countries: ['UZ'],
      operators: ['ucell', 'mobiuz'],
      types: ['transactional'],
      priority: 2,
      weight: 3,
    });
    expect(route).toMatchObject({ countries: ['UZ'], operators: ['ucell', 'mobiuz'], types: ['transactional'] });
  });

  it.each([
    ['a lower-case country', { carrier: 'c', countries: ['uz'] }],
    ['an empty country list', { carrier: 'c', countries: [] }],
    ['an operator id in capitals', { carrier: 'c', operators: ['Ucell'] }],
    ['an unknown message type', { carrier: 'c', types: ['otp'] }],
    ['a weight of 0', { carrier: 'c', weight: 0 }],
    ['a fractional weight', { carrier: 'c', weight: 1.5 }],
    ['a negative priority', { carrier: 'c', priority: -1 }],
    ['an empty carrier id', { carrier: '' }],
    ['a misspelt field', { carrier: 'c', country: ['UZ'] }],
  ])('refuses %s', (_name, input) => {
    expect(routeSchema.safeParse(input).success).toBe(false);
  });
});

describe('routesSchema', () => {
  it('refuses an empty list, which would leave every message without a carrier', () => {
    expect(routesSchema.safeParse([]).success).toBe(false);
  });

  it('refuses two routes with the same id and points at the second', () => {
    const result = routesSchema.safeParse([
      { id: 'a', carrier: 'x' },
      { id: 'a', carrier: 'y' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, 'id']);
  });

  it('allows several routes without ids', () => {
    expect(routesSchema.safeParse([{ carrier: 'x' }, { carrier: 'y' }]).success).toBe(true);
  });
});

describe('validateRoutesAgainstCarriers', () => {
  it('reports each route whose carrier the profiles file does not define, with its path', () => {
    const routes = routesSchema.parse([{ carrier: 'ucell-1' }, { id: 'backup', carrier: 'beelin-1' }]);
    const issues = validateRoutesAgainstCarriers(routes, ['ucell-1', 'beeline-1']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ index: 1, path: 'routes.1.carrier', carrier: 'beelin-1' });
    expect(issues[0]?.message).toContain('"beelin-1"');
    expect(issues[0]?.message).toContain('backup');
    expect(issues[0]?.message).toContain('ucell-1, beeline-1');
  });

  it('finds nothing wrong when every carrier exists', () => {
    expect(validateRoutesAgainstCarriers([{ carrier: 'a' }, { carrier: 'b' }], ['b', 'a'])).toEqual([]);
  });
});

describe('defaultRoutes', () => {
  it('gives every carrier a catch-all route, tried in file order', () => {
    const routes = defaultRoutes(['primary', 'fallback']);
    expect(routes).toEqual([
      { id: 'default:primary', carrier: 'primary', priority: 0, weight: 1 },
      { id: 'default:fallback', carrier: 'fallback', priority: 1, weight: 1 },
    ]);
    expect(routesSchema.parse(routes)).toEqual(routes);
    expect(validateRoutesAgainstCarriers(routes, ['primary', 'fallback'])).toEqual([]);
  });
});
