import type { FastifyInstance } from 'fastify';

/**
 * Every (method, path) Fastify has registered, read from `printRoutes()`
 * (Fastify keeps no public list), with `:param` written as `{param}`.
 * HEAD twins of GET routes are Fastify's own and left out.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4;
    const m = /^(\S+)(?: \(([^)]*)\))?/.exec(line.slice(at + 3));
    if (!m) continue;
    stack.length = depth;
    stack.push(m[1] as string);
    const path = stack.join('').replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
    for (const method of (m[2] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
