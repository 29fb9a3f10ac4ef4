import { isCurrencyCode, type Money, money, multiplyMoney } from '@karvon/contract';
import * as z from 'zod';

/**
 * Prices per SMS segment, from configuration. Every amount is an integer
 * number of minor units of the table's one currency (UZS has 2: 7500 is
 * 75.00 so'm), so a quote is exact and what is quoted is what is charged.
 *
 * A rule names a destination country (ISO 3166-1 alpha-2) or `*`, and
 * optionally an operator and a message type. The most specific matching rule
 * wins, in this order:
 *
 *   country + operator + type
 *   country + operator          (an operator's price is more specific than a type's)
 *   country + type
 *   country
 *   * + type                    (the fallback for countries not listed)
 *   *
 *
 * With no matching rule the quote is `no_price` and the route rejects the
 * message: we never guess a price.
 */

const MESSAGE_TYPE = z.enum(['transactional', 'marketing']);

const priceRuleSchema = z.strictObject({
  /** ISO 3166-1 alpha-2, upper case, or `*` for any country. */
  country: z.string().regex(/^(?:[A-Z]{2}|\*)$/, 'Expected an ISO 3166-1 alpha-2 code such as "UZ", or "*"'),
  /** Operator id as routing names it (`ucell`, `beeline`…); lower case. */
  operator: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
    .optional(),
  type: MESSAGE_TYPE.optional(),
  /** Price of one segment, in integer minor units of the table's currency. */
  perSegment: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const priceTableSchema = z
  .strictObject({
    currency: z.string().refine(isCurrencyCode, 'Unknown ISO 4217 currency code'),
    rules: z.array(priceRuleSchema).min(1),
  })
  .superRefine((table, ctx) => {
    const seen = new Map<string, number>();
    table.rules.forEach((rule, index) => {
      if (rule.country === '*' && rule.operator !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'operator'],
          message: 'An operator needs a country: operator ids are per country',
        });
      }
      const id = `${rule.country}/${rule.operator ?? ''}/${rule.type ?? ''}`;
      const first = seen.get(id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index],
          message: `Duplicates rule ${first}: two prices for the same country, operator and type`,
        });
      } else seen.set(id, index);
    });
  });

export type PriceTable = z.infer<typeof priceTableSchema>;
export type PriceRule = PriceTable['rules'][number];

/**
 * The demo price table (`npm start`, tests). Realistic for Uzbekistan in late
 * 2026 but invented: UZ aggregators sell domestic SMS at roughly 50–150 so'm a
 * segment, marketing above transactional; international SMS costs several
 * times more. Operators set their own prices, so two of them differ here.
 */
export const DEMO_PRICE_TABLE: PriceTable = {
  currency: 'UZS',
  rules: [
    { country: 'UZ', type: 'transactional', perSegment: 7_500 },
    { country: 'UZ', type: 'marketing', perSegment: 9_500 },
    { country: 'UZ', operator: 'uzmobile', type: 'transactional', perSegment: 6_500 },
    { country: 'UZ', operator: 'humans', perSegment: 8_000 },
    { country: 'KZ', perSegment: 45_000 },
    { country: 'RU', perSegment: 60_000 },
    { country: '*', perSegment: 120_000 },
  ],
};

/** Parses a price table from config; throws a ZodError naming the bad field. */
export function parsePriceTable(input: unknown): PriceTable {
  return priceTableSchema.parse(input);
}

export interface QuoteInput {
  /** ISO 3166-1 alpha-2 of the destination; `undefined` for non-geographic numbers (only `*` rules match). */
  readonly country: string | undefined;
  /** Operator id of the destination, when known (portability lookup or routing). */
  readonly operator?: string | undefined;
  readonly type: 'transactional' | 'marketing';
  /** Number of segments, a positive integer. */
  readonly segments: number;
}

export type QuoteResult =
  | {
      readonly ok: true;
      /** The total: perSegment × segments. */
      readonly price: Money;
      readonly perSegment: Money;
      readonly segments: number;
      /** The rule that set the price, to record on the ledger row. */
      readonly rule: PriceRule;
    }
  | { readonly ok: false; readonly reason: 'no_price' };

function specificity(rule: PriceRule): number {
  if (rule.country === '*') return rule.type ? 1 : 0;
  if (rule.operator !== undefined) return rule.type ? 5 : 4;
  return rule.type ? 3 : 2;
}

/** The most specific rule matching a destination and type, if any. */
export function findPriceRule(table: PriceTable, input: Omit<QuoteInput, 'segments'>): PriceRule | undefined {
  const country = input.country?.toUpperCase();
  const operator = input.operator?.toLowerCase();
  let best: PriceRule | undefined;
  for (const rule of table.rules) {
    if (rule.country !== '*' && rule.country !== country) continue;
    if (rule.operator !== undefined && rule.operator !== operator) continue;
    if (rule.type !== undefined && rule.type !== input.type) continue;
    if (!best || specificity(rule) > specificity(best)) best = rule;
  }
  return best;
}

/** The price of a message: the matching per-segment price × segments, in integer minor units. */
export function quote(table: PriceTable, input: QuoteInput): QuoteResult {
  if (!Number.isSafeInteger(input.segments) || input.segments < 1) {
    throw new RangeError(`segments must be a positive integer, got ${input.segments}`);
  }
  const rule = findPriceRule(table, input);
  if (!rule) return { ok: false, reason: 'no_price' };
  const perSegment = money(rule.perSegment, table.currency);
  return { ok: true, price: multiplyMoney(perSegment, input.segments), perSegment, segments: input.segments, rule };
}
