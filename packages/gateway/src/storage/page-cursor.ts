/**
 * List cursors: an opaque, URL-safe token of the last row's (time, id), so paging is stable under
 * inserts. Shared by the storage (which reads and writes them) and the HTTP layer (which refuses an
 * unreadable one with a 422 rather than silently starting over, which could make a client loop).
 */

export interface PageCursor {
  t: number;
  id: string;
}

export function encodeCursor(t: number, id: string): string {
  return btoa(`${t}:${id}`).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

/** The cursor's position, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string | null | undefined): PageCursor | undefined {
  if (!cursor) return undefined;
  try {
    const text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const at = text.indexOf(':');
    const t = Number(text.slice(0, at));
    if (at < 1 || !Number.isSafeInteger(t)) return undefined;
    return { t, id: text.slice(at + 1) };
  } catch {
    return undefined;
  }
}
