import * as z from 'zod/mini';
import { pure } from '../internal/pure';

/** Page sizes of every list route: `limit` defaults to 20 and may be at most 100. */
export const PAGE_LIMITS = { defaultLimit: 20, maxLimit: 100 } as const;

/** The query of every `GET` list route: where to continue and how many items to return. */
export interface ListParams {
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string;
  /** 1 to 100 items; default 20. */
  limit?: number;
}

// Query strings arrive as text, so `limit` is coerced: "20" and 20 are both accepted, "abc" and
// "1.5" are not. The output is always a number.
const limitSchema = pure(() =>
  z.coerce.number().check(z.refine(Number.isInteger, 'Must be an integer'), z.gte(1), z.lte(PAGE_LIMITS.maxLimit)),
);

/** The fields of `ListParams`, for list queries that add their own filters. */
export const listParamsShape = pure(() => ({
  cursor: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(512))),
  limit: z.exactOptional(limitSchema),
}));

/** Strict: an unknown query parameter (often a typo of a filter) is rejected. */
export const listParamsSchema = pure(() => z.strictObject(listParamsShape));
