/**
 * A JSON answer of the admin API. `no-store`: it carries the merchant's settings and customers'
 * masked numbers, which no shared cache should keep.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
