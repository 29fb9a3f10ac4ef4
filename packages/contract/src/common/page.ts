// Namespace import on purpose, here and in every file: with `import { z }`
// bundlers keep all of zod (about 430 kB minified, locales included); with
// `import * as z` they tree-shake it to the parts used (about 12 kB).
import * as z from 'zod/mini';

/** One page of a cursor-paginated list. `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Builds the response schema of a page of `item` (loose: unknown fields pass). */
export function pageSchema<T>(item: z.ZodMiniType<T>): z.ZodMiniType<Page<T>> {
  return z.looseObject({
    data: z.array(item),
    nextCursor: z.nullable(z.string()),
  }) as unknown as z.ZodMiniType<Page<T>>;
}
