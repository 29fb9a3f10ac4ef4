import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_PRICE_TABLE, findPriceRule, type PriceTable, parsePriceTable, priceTableSchema, quote } from './pricing';

const TABLE: PriceTable = parsePriceTable({
  currency: 'UZS',
  rules: [
    { country: '*', perSegment: 100_000 },
    { country: '*', type: 'marketing', perSegment: 110_000 },
    { country: 'UZ', perSegment: 8_000 },
    { country: 'UZ', type: 'marketing', perSegment: 9_500 },
    { country: 'UZ', operator: 'ucell', perSegment: 7_000 },
    { country: 'UZ', operator: 'ucell', type: 'marketing', perSegment: 9_000 },
  ],
});

describe('quote', () => {
  it('takes the most specific rule: country+operator+type > country+operator > country+type > country > default', () => {
    const at = (country: string | undefined, operator: string | undefined, type: 'transactional' | 'marketing') =>
      findPriceRule(TABLE, { country, operator, type })?.perSegment;
    expect(at('UZ', 'ucell', 'marketing')).toBe(9_000);
    expect(at('UZ', 'ucell', 'transactional')).toBe(7_000);
    expect(at('UZ', 'beeline', 'marketing')).toBe(9_500);
    expect(at('UZ', 'beeline', 'transactional')).toBe(8_000);
    expect(at('UZ', undefined, 'transactional')).toBe(8_000);
    expect(at('KZ', 'ucell', 'marketing')).toBe(110_000);
    expect(at('KZ', undefined, 'transactional')).toBe(100_000);
    expect(at(undefined, undefined, 'transactional')).toBe(100_000);
  });

  it('matches country and operator case-insensitively', () => {
    expect(findPriceRule(TABLE, { country: 'uz', operator: 'UCELL', type: 'marketing' })?.perSegment).toBe(9_000);
  });

  it('multiplies the per-segment price by the segments in integer minor units', () => {
    expect(quote(TABLE, { country: 'UZ', type: 'marketing', segments: 3 })).toMatchObject({
      ok: true,
      price: { amount: 28_500, currency: 'UZS' },
      perSegment: { amount: 9_500, currency: 'UZS' },
      segments: 3,
    });
  });

  it('answers no_price when no rule matches', () => {
    const table = parsePriceTable({ currency: 'USD', rules: [{ country: 'US', perSegment: 79 }] });
    expect(quote(table, { country: 'UZ', type: 'transactional', segments: 1 })).toEqual({
      ok: false,
      reason: 'no_price',
    });
    expect(quote(table, { country: 'US', type: 'transactional', segments: 2 })).toMatchObject({
      price: { amount: 158, currency: 'USD' },
    });
  });

  it('refuses a segment count that is not a positive integer', () => {
    for (const segments of [0, -1, 1.5, Number.NaN]) {
      expect(() => quote(TABLE, { country: 'UZ', type: 'transactional', segments })).toThrow(RangeError);
    }
  });

  it('is always perSegment × segments exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        (perSegment, segments) => {
          const table = parsePriceTable({ currency: 'UZS', rules: [{ country: '*', perSegment }] });
          const result = quote(table, { country: 'UZ', type: 'marketing', segments });
          expect(result.ok && result.price.amount).toBe(perSegment * segments);
        },
      ),
    );
  });
});

describe('priceTableSchema', () => {
  it('accepts the demo table, which prices every UZ operator and has a fallback', () => {
    expect(priceTableSchema.safeParse(DEMO_PRICE_TABLE).success).toBe(true);
    for (const operator of ['ucell', 'beeline', 'mobiuz', 'uzmobile', 'humans']) {
      for (const type of ['transactional', 'marketing'] as const) {
        expect(quote(DEMO_PRICE_TABLE, { country: 'UZ', operator, type, segments: 1 }).ok).toBe(true);
      }
    }
    expect(quote(DEMO_PRICE_TABLE, { country: 'DE', type: 'marketing', segments: 1 }).ok).toBe(true);
  });

  it('rejects fractional or negative prices, unknown currencies, bad countries and duplicates', () => {
    const bad = [
      { currency: 'UZS', rules: [{ country: 'UZ', perSegment: 75.5 }] },
      { currency: 'UZS', rules: [{ country: 'UZ', perSegment: -1 }] },
      { currency: 'XXY', rules: [{ country: 'UZ', perSegment: 1 }] },
      { currency: 'UZS', rules: [{ country: 'Uzbekistan', perSegment: 1 }] },
      { currency: 'UZS', rules: [] },
      { currency: 'UZS', rules: [{ country: '*', operator: 'ucell', perSegment: 1 }] },
      { currency: 'UZS', rules: [{ country: 'UZ', perSegment: 1, price: 2 }] },
      {
        currency: 'UZS',
        rules: [
          { country: 'UZ', type: 'marketing', perSegment: 1 },
          { country: 'UZ', type: 'marketing', perSegment: 2 },
        ],
      },
    ];
    for (const table of bad) expect(priceTableSchema.safeParse(table).success, JSON.stringify(table)).toBe(false);
  });

  it('points at the duplicate rule', () => {
    const result = priceTableSchema.safeParse({
      currency: 'UZS',
      rules: [
        { country: 'UZ', perSegment: 1 },
        { country: 'UZ', perSegment: 2 },
      ],
    });
    expect(result.error?.issues[0]?.path).toEqual(['rules', 1]);
  });
});
