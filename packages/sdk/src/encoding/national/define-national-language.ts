import { searchCharset } from '../internal/national-search';
import { NATIONAL_SEARCH } from '../internal/national-search-key';
import type { NationalLanguageTables } from './types';

/**
 * Makes a national language table usable in `analyze`/`split` options. The tables exported here
 * (`turkish`, `spanish`, `portuguese`) already went through it; wrap your own tables (for another
 * 3GPP language) the same way. It attaches, out of sight, the search that picks the cheapest table
 * combination, so the base `@karvon/sdk/encoding` entry does not carry that code.
 */
export function defineNationalLanguage<T extends NationalLanguageTables>(tables: T): T {
  Object.defineProperty(tables, NATIONAL_SEARCH, { value: searchCharset, enumerable: false });
  return Object.freeze(tables);
}
