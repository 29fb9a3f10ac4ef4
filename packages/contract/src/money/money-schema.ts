import * as z from 'zod/mini';
import { pure } from '../internal/pure';
import { isCurrencyCode } from './currency-minor-units';

const amountSchema = pure(() => z.int().check(z.gte(Number.MIN_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER)));

/** Strict: a safe-integer amount and a currency in CURRENCY_MINOR_UNITS. For requests. */
export const moneySchema = pure(() =>
  z.strictObject({
    amount: amountSchema,
    currency: z
      .string()
      .check(
        z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as "UZS"'),
        z.refine(isCurrencyCode, 'Unknown ISO 4217 currency code'),
      ),
  }),
);

/**
 * For responses: any three-letter code and unknown extra fields pass, so a
 * currency added to the gateway before this table does not break a client.
 */
export const moneyResponseSchema = pure(() =>
  z.looseObject({
    amount: amountSchema,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  }),
);
