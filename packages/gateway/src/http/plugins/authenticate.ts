import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseApiKey } from '../../accounts/api-key-format';
import { hashApiKey } from '../../accounts/api-key-hash';
import { isAllowed, parseIpAllowlist } from '../../accounts/ip-allowlist';
import { missingScopes } from '../../accounts/scopes';
import type { AccountRecord, ApiKeyRecord } from '../../storage/repository';
import { cachesOf } from '../gateway-caches';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { ACCESS_TOKEN_PREFIX, hashAccessToken } from '../routes/oauth';

export interface AuthContext {
  account: AccountRecord;
  key: ApiKeyRecord;
  mode: 'live' | 'test';
}

const TOUCH_INTERVAL_MS = 60_000;
const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * Authenticates with `Authorization: Bearer <key>` and checks the route's
 * scopes (from accounts/scopes ROUTE_SCOPES, attached to the route config).
 * Runs in onRequest, before the body is read: an anonymous client cannot make
 * the gateway parse a megabyte.
 */
export function authenticateHook(ctx: GatewayContext) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const rule = request.routeOptions.config.rule;
    if (!rule || rule.auth === 'none') return;
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw new HttpProblem('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer realm="karvon"' } });
    }
    const match = BEARER.exec(header);
    if (!match) {
      throw new HttpProblem('unauthenticated', {
        detail: 'Send the API key as `Authorization: Bearer <key>`.',
        headers: { 'WWW-Authenticate': 'Bearer realm="karvon"' },
      });
    }
    const secret = match[1] as string;
    const invalid = () =>
      new HttpProblem('invalid_api_key', {
        headers: { 'WWW-Authenticate': 'Bearer realm="karvon", error="invalid_token"' },
      });
    const now = ctx.now();
    let key: ApiKeyRecord | undefined;
    let scopes: string[];
    if (secret.startsWith(ACCESS_TOKEN_PREFIX)) {
      // An OAuth access token: the key that obtained it, limited to the token's scopes.
      const found = await ctx.repository.accessTokens.find(hashAccessToken(secret), now);
      key = found?.key;
      scopes = found?.scopes ?? [];
    } else {
      // The checksum rejects typos and other vendors' keys without a lookup.
      if (!parseApiKey(secret).ok) throw invalid();
      // Cached ≤ 1 s (gateway-caches): revocation through this process's
      // DELETE /keys clears the cache; elsewhere it takes effect within 1 s.
      const hash = hashApiKey(secret);
      key = await cachesOf(ctx).apiKeys.get(
        hash,
        now,
        () => ctx.repository.apiKeys.findByHash(hash, now),
        (found) => found !== undefined,
      );
      if (key?.expiresAt != null && key.expiresAt <= now) key = undefined;
      scopes = key?.scopes ?? [];
    }
    if (!key) throw invalid();
    if (key.ipAllowlist.length > 0) {
      const list = parseIpAllowlist(key.ipAllowlist);
      if (!list.ok || !isAllowed(list.list, request.ip)) throw new HttpProblem('ip_not_allowed');
    }
    const missing = missingScopes(scopes, rule.scopes);
    if (missing.length > 0) {
      throw new HttpProblem('insufficient_scope', {
        detail: `This endpoint needs the scope ${missing.join(' and ')}.`,
      });
    }
    const account = await ctx.repository.accounts.get(key.accountId);
    if (!account) throw invalid();
    request.auth = { account, key, mode: key.mode };
    if (key.lastUsedAt === null || now - key.lastUsedAt > TOUCH_INTERVAL_MS) {
      // Best effort, off the request's path. The (possibly cached) record
      // remembers the touch, so a cached key is not touched on every request.
      key.lastUsedAt = now;
      ctx.repository.apiKeys.touch(key.id, now).catch(() => {});
    }
  };
}

/** The authenticated caller; routes with a key rule always have one. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new HttpProblem('unauthenticated');
  return request.auth;
}
