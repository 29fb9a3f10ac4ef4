import * as z from 'zod/mini';
import { type IdKind, type IdOf, type IdPrefix, prefixOf } from './id-prefixes';
import { idPattern } from './is-id';

/**
 * A string schema for ids of one kind whose output is the branded type. The
 * cast is sound: the pattern admits only strings that `isId` accepts.
 */
export function idSchema<K extends IdKind | IdPrefix>(kindOrPrefix: K): z.ZodMiniType<IdOf<K>, string> {
  const schema = z
    .string()
    .check(z.regex(new RegExp(idPattern(kindOrPrefix)), `Expected an id starting with "${prefixOf(kindOrPrefix)}_"`));
  return schema as unknown as z.ZodMiniType<IdOf<K>, string>;
}
