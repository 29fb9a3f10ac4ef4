import { AdminApiError } from './admin-error';
import type { AdminApiDeps, AdminRoute } from './admin-route';
import { deleteConnection, putConnection } from './connection-routes';
import { jsonResponse } from './json-response';
import { listMessages } from './messages-route';
import { getOverview } from './overview-route';
import { putSettings } from './settings-route';
import { previewTemplate } from './template-preview-route';
import { deleteTemplate, listTemplates, putTemplate } from './template-routes';
import { postTestSend } from './test-send-route';

export type { AdminApiDeps } from './admin-route';

/** A Web-standard handler: a Response for `/api/…`, null for any other path (not ours). */
export type AdminApiHandler = (request: Request) => Promise<Response | null>;

const TEMPLATE_PATH = /^\/api\/templates\/(?<kind>[^/]+)\/(?<locale>[^/]+)$/;

const ROUTES: readonly AdminRoute[] = [
  { method: 'GET', path: /^\/api\/overview$/, handle: getOverview },
  { method: 'PUT', path: /^\/api\/connection$/, handle: putConnection },
  { method: 'DELETE', path: /^\/api\/connection$/, handle: deleteConnection },
  { method: 'PUT', path: /^\/api\/settings$/, handle: putSettings },
  { method: 'GET', path: /^\/api\/templates$/, handle: listTemplates },
  { method: 'POST', path: /^\/api\/templates\/preview$/, handle: previewTemplate },
  { method: 'PUT', path: TEMPLATE_PATH, handle: putTemplate },
  { method: 'DELETE', path: TEMPLATE_PATH, handle: deleteTemplate },
  { method: 'POST', path: /^\/api\/test-send$/, handle: postTestSend },
  { method: 'GET', path: /^\/api\/messages$/, handle: listMessages },
];

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

function errorResponse(error: AdminApiError, headers: Record<string, string> = {}): Response {
  return jsonResponse(error.status, error.toJSON(), headers);
}

/**
 * The JSON API behind the embedded admin page, framework-agnostic: mount it before your other
 * routes and fall through on null.
 *
 * ```ts
 * const adminApi = createAdminApi({ store, authenticate, karvonFor, appUrl, defaultKarvonBaseUrl, sendTest });
 * const response = (await adminApi(request)) ?? (await otherRoutes(request));
 * ```
 *
 * Every route needs the App Bridge session token; the shop comes from it, never from the request.
 * Bad input is a 4xx `{ code, message, field? }` (codes in ADMIN_ERROR_CODES), never a 500.
 */
export function createAdminApi(deps: AdminApiDeps): AdminApiHandler {
  const now = deps.now ?? Date.now;
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return null;
    try {
      const candidates = ROUTES.filter((route) => route.path.test(url.pathname));
      let shop: string;
      try {
        ({ shop } = await deps.authenticate(request));
      } catch (error) {
        const status = statusOf(error);
        if (status === 401) throw new AdminApiError('unauthenticated');
        if (status === 403) throw new AdminApiError('forbidden');
        throw error;
      }
      if (candidates.length === 0) throw new AdminApiError('not_found');
      const route = candidates.find((candidate) => candidate.method === request.method);
      if (!route) {
        const allow = candidates.map((candidate) => candidate.method).join(', ');
        return errorResponse(new AdminApiError('method_not_allowed'), { allow });
      }
      const params = { ...url.pathname.match(route.path)?.groups };
      for (const [name, value] of Object.entries(params)) {
        try {
          params[name] = decodeURIComponent(value);
        } catch {
          throw new AdminApiError('not_found');
        }
      }
      return await route.handle({ deps, shop, request, url, params, now });
    } catch (error) {
      // App Bridge's fetch takes this header as "get a fresh session token and retry once".
      if (error instanceof AdminApiError && error.code === 'unauthenticated') {
        return errorResponse(error, { 'x-shopify-retry-invalid-session-request': '1' });
      }
      if (error instanceof AdminApiError) return errorResponse(error);
      deps.logger?.error('admin api request failed', {
        method: request.method,
        path: url.pathname,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return errorResponse(new AdminApiError('internal_error'));
    }
  };
}
