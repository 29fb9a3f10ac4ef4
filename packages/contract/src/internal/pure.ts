/**
 * Runs `build` once and returns its result, marked free of side effects so bundlers drop any
 * top-level schema or table nobody imports.
 *
 * Why: zod/mini's factories are annotated, but chained calls (`z.int().check(...)`) and our own
 * table builders are not, so without this every schema in the contract would land in the SDK's
 * main entry even though it only needs two constants (see tools/test/size.test.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
export function pure<T>(build: () => T): T {
  return build();
}
