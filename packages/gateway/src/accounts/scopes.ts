import { API_KEY_ROLES, API_KEY_SCOPES, type KnownApiKeyRole, type KnownApiKeyScope } from '@karvon/contract';
/**
 * What an API key may do. Scopes are the unit of permission; roles are named
 * sets of them offered when a key is created. ROUTE_SCOPES is the one table of
 * which route needs which scopes: the HTTP layer enforces it and the
 * scope × route matrix test iterates it, so they cannot drift apart.
 */

// The scope and role names are part of the wire contract (keys are created with them).
export const SCOPES = API_KEY_SCOPES;

export type Scope = KnownApiKeyScope;

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export const ROLES = API_KEY_ROLES;
export type Role = KnownApiKeyRole;

/**
 * The scopes each role grants.
 * - `admin`: everything (the `admin` scope implies every other one).
 * - `developer`: everything but managing keys and `admin`.
 * - `read_only`: every `*:read` scope.
 * - `adapter`: the restricted preset for platform adapters (Shopify, HubSpot…):
 *   send and read messages, manage templates, read the balance, sync opt-outs
 *   and consents, register its webhook endpoint; no keys, senders or cancel.
 */
export const ROLE_SCOPES: { readonly [R in Role]: readonly Scope[] } = {
  admin: ['admin'],
  developer: SCOPES.filter((s) => s !== 'keys:write' && s !== 'admin'),
  read_only: SCOPES.filter((s) => s.endsWith(':read')),
  adapter: [
    'messages:send',
    'messages:read',
    'templates:read',
    'templates:write',
    'balance:read',
    'opt_outs:read',
    'opt_outs:write',
    'webhooks:write',
  ],
};

/** Expands a granted set for display: `admin` becomes every scope. */
export function effectiveScopes(granted: readonly string[]): Scope[] {
  if (granted.includes('admin')) return [...SCOPES];
  return SCOPES.filter((s) => granted.includes(s));
}

/** True when `granted` covers every scope in `required`. `admin` implies all; an empty `required` always passes. */
export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  if (granted.includes('admin')) return true;
  return required.every((scope) => granted.includes(scope));
}

/** The required scopes `granted` lacks, for the `insufficient_scope` problem detail. */
export function missingScopes(granted: readonly string[], required: readonly Scope[]): Scope[] {
  if (granted.includes('admin')) return [];
  return required.filter((scope) => !granted.includes(scope));
}

export type RouteMethod = 'GET' | 'POST' | 'DELETE';

/**
 * One route of the API. `path` uses OpenAPI-style `{param}` segments (convert
 * with `toFastifyPath`). `auth: 'none'` routes take no API key (health, the
 * OAuth token endpoint, which authenticates by its own credentials).
 */
export interface RouteScopeRule {
  readonly method: RouteMethod;
  readonly path: string;
  readonly auth: 'api_key' | 'none';
  /** All of these are required (AND). Empty for `auth: 'none'`. */
  readonly scopes: readonly Scope[];
}

const key = (method: RouteMethod, path: string, ...scopes: Scope[]): RouteScopeRule => ({
  method,
  path,
  auth: 'api_key',
  scopes,
});
const open = (method: RouteMethod, path: string): RouteScopeRule => ({ method, path, auth: 'none', scopes: [] });

/** Every route of the gateway and the scopes it requires (briefs/gateway.md, "Routes"). */
export const ROUTE_SCOPES: readonly RouteScopeRule[] = [
  key('POST', '/send', 'messages:send'),
  key('GET', '/status/{id}', 'messages:read'),
  key('GET', '/messages', 'messages:read'),
  key('POST', '/messages/{id}/cancel', 'messages:cancel'),
  key('POST', '/template', 'templates:write'),
  key('POST', '/template/preview', 'templates:read'),
  key('GET', '/templates', 'templates:read'),
  key('GET', '/templates/{id}', 'templates:read'),
  key('DELETE', '/templates/{id}', 'templates:write'),
  key('GET', '/balance', 'balance:read'),
  key('GET', '/keys', 'keys:write'),
  key('POST', '/keys', 'keys:write'),
  key('DELETE', '/keys/{id}', 'keys:write'),
  key('GET', '/senders', 'senders:write'),
  key('POST', '/senders', 'senders:write'),
  key('GET', '/senders/{id}', 'senders:write'),
  key('DELETE', '/senders/{id}', 'senders:write'),
  key('GET', '/opt-outs', 'opt_outs:read'),
  key('POST', '/opt-outs', 'opt_outs:write'),
  key('DELETE', '/opt-outs/{phoneNumber}', 'opt_outs:write'),
  key('GET', '/consents', 'opt_outs:read'),
  key('POST', '/consents', 'opt_outs:write'),
  key('DELETE', '/consents/{phoneNumber}', 'opt_outs:write'),
  key('POST', '/webhooks', 'webhooks:write'),
  key('GET', '/webhooks', 'webhooks:write'),
  key('GET', '/webhooks/{id}', 'webhooks:write'),
  key('DELETE', '/webhooks/{id}', 'webhooks:write'),
  key('GET', '/webhooks/{id}/attempts', 'webhooks:write'),
  key('POST', '/webhooks/{id}/replay', 'webhooks:write'),
  key('POST', '/webhooks/{id}/rotate-secret', 'webhooks:write'),
  key('GET', '/events', 'messages:read'),
  key('POST', '/privacy/export', 'messages:read', 'opt_outs:read'),
  key('POST', '/privacy/erasure', 'messages:read', 'opt_outs:write'),
  open('POST', '/oauth/token'),
  open('GET', '/health'),
  open('GET', '/ready'),
  open('GET', '/openapi.json'),
];

/** `/status/{id}` → `/status/:id`, the form Fastify (and Hono) route on. */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** The rule for a method and a route pattern exactly as written in ROUTE_SCOPES, if any. */
export function findRouteRule(method: string, pathPattern: string): RouteScopeRule | undefined {
  const upper = method.toUpperCase();
  return ROUTE_SCOPES.find((rule) => rule.method === upper && rule.path === pathPattern);
}

/**
 * The rule matching a concrete request path (`/status/msg_123`), if any.
 * Literal segments win over `{param}` ones, so `/template/preview` is never
 * read as a template id. The query string is ignored.
 */
export function matchRoute(method: string, path: string): RouteScopeRule | undefined {
  const upper = method.toUpperCase();
  const segments = (path.split('?')[0] ?? '').split('/');
  let best: { rule: RouteScopeRule; literals: number } | undefined;
  for (const rule of ROUTE_SCOPES) {
    if (rule.method !== upper) continue;
    const pattern = rule.path.split('/');
    if (pattern.length !== segments.length) continue;
    let literals = 0;
    const matches = pattern.every((part, i) => {
      const actual = segments[i]!;
      if (/^\{.+\}$/.test(part)) return actual !== '';
      literals++;
      return part === actual;
    });
    if (matches && (!best || literals > best.literals)) best = { rule, literals };
  }
  return best?.rule;
}
