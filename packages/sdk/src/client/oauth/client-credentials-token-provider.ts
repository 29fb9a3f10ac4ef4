import { APIError } from '../../errors/api-error';
import { ConnectionError } from '../../errors/connection-error';
import type { KarvonError } from '../../errors/karvon-error';
import { errorFromResponse } from '../../internal/error-from-response';
import type { FetchLike } from '../client-options';
import { ROUTES } from '../routes';

export interface ClientCredentialsOptions {
  /** Your gateway, as for `new Karvon({ baseUrl })`. */
  baseUrl: string;
  /** The API key's id (`key_…`). */
  clientId: string;
  /** The API key itself (`kv_live_…`). Keep it on the server. */
  clientSecret: string;
  /** Scopes to ask for, at most the key's: `'messages:send messages:read'` or a list. */
  scope?: string | readonly string[];
  fetch?: FetchLike;
  /** Fetch a new token this long before the current one expires. Default 60 000 ms. */
  refreshMarginMs?: number;
  /** Milliseconds since the epoch; injectable for tests. Default `Date.now`. */
  now?: () => number;
}

/** Returns the current access token, fetching a new one when needed. */
export type TokenProvider = () => Promise<string>;

interface CachedToken {
  token: string;
  refreshAt: number;
}

/**
 * A token provider for `new Karvon({ apiKey })` that trades an API key for short-lived OAuth 2.0
 * access tokens (client credentials, RFC 6749 section 4.4) and caches each until shortly before it
 * expires. Concurrent calls share one token request; a failed request is not cached.
 *
 * ```ts
 * const apiKey = clientCredentialsTokenProvider({ baseUrl, clientId: 'key_…', clientSecret: apiKeySecret });
 * const karvon = new Karvon({ apiKey, baseUrl });
 * ```
 */
export function clientCredentialsTokenProvider(options: ClientCredentialsOptions): TokenProvider {
  const url = `${options.baseUrl.replace(/\/+$/, '')}${ROUTES['oauth.token'].path}`;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  const scope = typeof options.scope === 'string' ? options.scope : options.scope?.join(' ');
  let cached: CachedToken | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    if (scope) form.set('scope', scope);
    const started = now();
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(url, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      text = await response.text();
    } catch (cause) {
      throw new ConnectionError(undefined, { cause });
    }
    if (!response.ok) throw tokenError(response, text);
    const body = parseTokenResponse(text);
    if (!body) throw new APIError({ status: response.status, detail: 'The token response has no access_token' });
    // Half the lifetime at most, so a short-lived token is still reused a few times.
    const lifetimeMs = body.expires_in * 1000;
    cached = { token: body.access_token, refreshAt: started + lifetimeMs - Math.min(margin, lifetimeMs / 2) };
    return body.access_token;
  }

  return () => {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

function parseTokenResponse(text: string): { access_token: string; expires_in: number } | undefined {
  try {
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') return undefined;
    // RFC 6749 makes expires_in optional; without it, treat the token as good for five minutes.
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    return { access_token: body.access_token, expires_in: expiresIn };
  } catch {
    return undefined;
  }
}

/** RFC 6749 errors (`{ error, error_description }`) and problem+json both become the usual APIError classes. */
function tokenError(response: Response, text: string): KarvonError {
  let problemText = text;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.error === 'string' && body.code === undefined) {
      problemText = JSON.stringify({ code: body.error, detail: body.error_description });
    }
  } catch {
    // Not JSON: the status alone picks the error class.
  }
  const requestId = response.headers.get('karvon-request-id') ?? undefined;
  return errorFromResponse(response.status, problemText, requestId, undefined);
}
