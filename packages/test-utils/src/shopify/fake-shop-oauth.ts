import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeShopState } from './fake-shop-state';

const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';
const OFFLINE_TOKEN_TYPE = 'urn:shopify:params:oauth:token-type:offline-access-token';
const ONLINE_TOKEN_TYPE = 'urn:shopify:params:oauth:token-type:online-access-token';

/** The access-token response body, as documented for token exchange and refresh. */
export interface FakeTokenResponse {
  access_token: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  associated_user_scope?: string;
  associated_user?: Record<string, unknown>;
}

/**
 * POST https://{shop}/admin/oauth/access_token, honouring the two grants the app uses:
 * token exchange (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange)
 * and refresh of expiring offline tokens
 * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens).
 * Accepts JSON (what @shopify/shopify-api sends) and form-encoded bodies.
 */
export function fakeShopOAuthHandler(state: FakeShopState): RequestHandler {
  return http.post(`https://${state.shop}/admin/oauth/access_token`, async ({ request }) => {
    const params = await readParams(request);
    if (params.client_id !== state.apiKey || params.client_secret !== state.apiSecret) {
      return reject(state, 401, 'invalid_client', 'Client authentication failed');
    }
    if (params.grant_type === TOKEN_EXCHANGE_GRANT) return exchange(state, params);
    if (params.grant_type === 'refresh_token') return refresh(state, params);
    return reject(state, 400, 'unsupported_grant_type', 'Grant type is not supported');
  });
}

/** Issues tokens as Shopify does; an expiring offline token revokes every earlier one of the shop. */
export function issueTokens(state: FakeShopState, mode: 'offline' | 'online', expiring: boolean): FakeTokenResponse {
  const now = state.now();
  const accessToken = `shpat_${randomBytes(16).toString('hex')}`;
  if (mode === 'online') {
    const ttl = Math.min(state.accessTokenTtlS, 86_399);
    state.accessTokens.set(accessToken, { mode, expiresAt: now + ttl * 1000, revoked: false });
    return {
      access_token: accessToken,
      scope: state.scope,
      expires_in: ttl,
      associated_user_scope: state.scope,
      associated_user: {
        id: 902541635,
        first_name: 'John',
        last_name: 'Smith',
        email: 'john@example.com',
        email_verified: true,
        account_owner: true,
        locale: 'en',
        collaborator: false,
      },
    };
  }
  if (!expiring) {
    state.accessTokens.set(accessToken, { mode, expiresAt: null, revoked: false });
    return { access_token: accessToken, scope: state.scope };
  }
  // "Only one expiring offline token can be active per app/shop combination."
  for (const token of state.accessTokens.values())
    if (token.mode === 'offline' && token.expiresAt !== null) token.revoked = true;
  for (const token of state.refreshTokens.values()) token.revoked = true;
  const refreshToken = `shprt_${randomBytes(16).toString('hex')}`;
  state.accessTokens.set(accessToken, { mode, expiresAt: now + state.accessTokenTtlS * 1000, revoked: false });
  state.refreshTokens.set(refreshToken, { expiresAt: now + state.refreshTokenTtlS * 1000, revoked: false });
  return {
    access_token: accessToken,
    expires_in: state.accessTokenTtlS,
    refresh_token: refreshToken,
    refresh_token_expires_in: state.refreshTokenTtlS,
    scope: state.scope,
  };
}

function exchange(state: FakeShopState, params: Record<string, string>) {
  if (params.subject_token_type !== ID_TOKEN_TYPE || !params.subject_token) {
    return reject(state, 400, 'invalid_request', 'subject_token_type must be an ID token');
  }
  if (!isValidSessionToken(state, params.subject_token)) {
    return reject(state, 400, 'invalid_subject_token', 'Session token is invalid or expired');
  }
  const mode =
    params.requested_token_type === ONLINE_TOKEN_TYPE
      ? 'online'
      : params.requested_token_type === OFFLINE_TOKEN_TYPE
        ? 'offline'
        : null;
  if (!mode) return reject(state, 400, 'invalid_request', 'Unknown requested_token_type');
  state.requests.push({ kind: 'token_exchange', detail: mode, at: state.now() });
  const expiring = params.expiring === '1' || params.expiring === 'true';
  return HttpResponse.json(issueTokens(state, mode, expiring));
}

function refresh(state: FakeShopState, params: Record<string, string>) {
  const token = params.refresh_token ? state.refreshTokens.get(params.refresh_token) : undefined;
  if (!token || token.revoked || token.expiresAt <= state.now()) {
    return reject(state, 400, 'invalid_grant', 'Refresh token is invalid, expired or already used');
  }
  state.requests.push({ kind: 'refresh_token', detail: null, at: state.now() });
  // Refresh tokens are single use: issuing the new pair revokes this one.
  return HttpResponse.json(issueTokens(state, 'offline', true));
}

function reject(state: FakeShopState, status: number, error: string, description: string) {
  state.requests.push({ kind: 'oauth_rejected', detail: error, at: state.now() });
  return HttpResponse.json({ error, error_description: description }, { status });
}

async function readParams(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** HS256 check against the app secret, audience, destination shop and expiry. */
function isValidSessionToken(state: FakeShopState, token: string): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  const expected = createHmac('sha256', state.apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const nowS = state.now() / 1000;
    return (
      claims.aud === state.apiKey &&
      claims.dest === `https://${state.shop}` &&
      typeof claims.exp === 'number' &&
      claims.exp > nowS
    );
  } catch {
    return false;
  }
}
