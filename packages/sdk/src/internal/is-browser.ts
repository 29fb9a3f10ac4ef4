/**
 * True in a browser page (window and document), false in Node, Deno, Bun, web workers and edge
 * runtimes, where a secret key is not exposed to page scripts and extensions.
 */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}
