import { createHash } from 'node:crypto';
import { oauthTokenRequestSchema } from '@karvon/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseApiKey } from '../../accounts/api-key-format';
import { constantTimeEqual, hashApiKey } from '../../accounts/api-key-hash';
import { effectiveScopes, hasScopes, isScope } from '../../accounts/scopes';
import type { GatewayContext } from '../gateway-context';
import { addRoute } from '../route';

/** Lifetime of an access token. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** Access tokens look like keys to secret scanners but carry their own prefix. */
export const ACCESS_TOKEN_PREFIX = 'kv_at_';

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  // RFC 6749 section 5.2: its own error shape, not problem+json, and never cached.
  reply.header('Cache-Control', 'no-store');
  if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="karvon"');
  return reply.code(status).send({ error, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header && /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = atob(m[1] as string);
  const at = decoded.indexOf(':');
  if (at < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
}

/**
 * `POST /oauth/token`, client credentials (RFC 6749 section 4.4): client_id is
 * a key's id, client_secret the key. The answer is a short-lived bearer token
 * with at most the key's scopes. Form-encoded or JSON bodies, credentials in
 * the body or in HTTP Basic. Registered in its own encapsulated context so
 * the form parser does not apply to the rest of the API, which is JSON only.
 */
export function oauthRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    addRoute(scope, 'POST', '/oauth/token', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (body.grant_type !== 'client_credentials') {
        return oauthError(reply, 400, 'unsupported_grant_type', 'Only client_credentials is supported.');
      }
      const parsed = oauthTokenRequestSchema.safeParse(body);
      if (!parsed.success) return oauthError(reply, 400, 'invalid_request', 'The token request is malformed.');
      const basic = basicCredentials(request.headers.authorization);
      const id = basic?.id ?? parsed.data.client_id;
      const secret = basic?.secret ?? parsed.data.client_secret;
      if (!id || !secret || !parseApiKey(secret).ok) return oauthError(reply, 401, 'invalid_client', 'Unknown client.');
      const now = ctx.now();
      const key = await ctx.repository.apiKeys.findByHash(hashApiKey(secret), now);
      if (!key || !constantTimeEqual(key.id, id)) return oauthError(reply, 401, 'invalid_client', 'Unknown client.');
      const granted = effectiveScopes(key.scopes);
      const asked = parsed.data.scope?.split(' ').filter(Boolean);
      if (asked && (!asked.every(isScope) || !hasScopes(key.scopes, asked))) {
        return oauthError(reply, 400, 'invalid_scope', "The scope exceeds the key's scopes.");
      }
      const scopes = asked ?? (key.scopes.includes('admin') ? ['admin'] : granted);
      const token = `${ACCESS_TOKEN_PREFIX}${crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')}`;
      await ctx.repository.accessTokens.insert({
        hash: hashAccessToken(token),
        keyId: key.id,
        scopes,
        createdAt: now,
        expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
      });
      reply.header('Cache-Control', 'no-store');
      return {
        access_token: token,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        scope: scopes.join(' '),
      };
    });
  });
}
