import { type IdKind, type IdOf, type IdPrefix, prefixOf } from './id-prefixes';

// The body after `<prefix>_` is 1..64 ASCII letters and digits. We create
// 26-character Crockford base32 bodies (see create-id.ts) but accept any
// alphanumeric body, so the gateway may change how it mints ids without
// breaking clients that check the shape.
const BODY = /^[0-9A-Za-z]{1,64}$/;

/**
 * True when `value` is an id of the given kind or prefix:
 * `isId('msg', x)` and `isId('message', x)` are the same check.
 */
export function isId<K extends IdKind | IdPrefix>(kindOrPrefix: K, value: unknown): value is IdOf<K> {
  if (typeof value !== 'string') return false;
  const prefix = `${prefixOf(kindOrPrefix)}_`;
  return value.startsWith(prefix) && BODY.test(value.slice(prefix.length));
}

/**
 * Returns `value` typed as the branded id, or `undefined` when it is not an id
 * of that kind. It does not throw: callers decide whether a mismatch is a 404,
 * a 422 or a programming error.
 */
export function parseId<K extends IdKind | IdPrefix>(kindOrPrefix: K, value: unknown): IdOf<K> | undefined {
  return isId(kindOrPrefix, value) ? value : undefined;
}

/** The pattern used in JSON Schema for ids with this prefix. */
export function idPattern(kindOrPrefix: IdKind | IdPrefix): string {
  return `^${prefixOf(kindOrPrefix)}_[0-9A-Za-z]{1,64}$`;
}
