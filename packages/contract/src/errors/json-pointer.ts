/**
 * Builds an RFC 6901 JSON Pointer from a path: `['messages', 3, 'to']` →
 * `/messages/3/to`. `~` becomes `~0` and `/` becomes `~1`, in that order
 * (escaping `/` first would turn `~1` into `~01`). The empty path is `""`,
 * the whole document.
 */
export function toJsonPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path) {
    pointer += `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}

/**
 * The inverse of `toJsonPointer`. Segments come back as strings: a pointer
 * does not say whether `3` was an array index or an object key.
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`A JSON Pointer starts with "/": ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => {
      if (/~(?![01])/.test(segment)) throw new SyntaxError(`Invalid escape in JSON Pointer segment: ${segment}`);
      // Unescape ~1 before ~0, so `~01` reads as `~1` (a literal ~ then 1).
      return segment.replaceAll('~1', '/').replaceAll('~0', '~');
    });
}
