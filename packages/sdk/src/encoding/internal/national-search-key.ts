import type { searchCharset } from './national-search';

/**
 * Where a national table carries the search that picks the cheapest table combination.
 *
 * Why not a plain import in `analyze`: the search is a quarter of the encoding code, and only
 * callers who pass national tables need it. Tables made by `defineNationalLanguage` (the
 * `@karvon/sdk/encoding/national` subpath) carry it, so the base entry stays within its size budget.
 * `Symbol.for` so two copies of the SDK still find each other's search.
 */
export const NATIONAL_SEARCH: unique symbol = Symbol.for('karvon.encoding.nationalSearch') as never;

export type NationalSearch = typeof searchCharset;

export function nationalSearchOf(table: object): NationalSearch | undefined {
  return (table as { [NATIONAL_SEARCH]?: NationalSearch })[NATIONAL_SEARCH];
}
