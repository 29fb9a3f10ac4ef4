import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/error-codes';
import {
  OAUTH_ERROR_CODES,
  oauthErrorResponseSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
} from './oauth-token';

describe('OAuth token schemas', () => {
  it('accept a client-credentials request, from a form or JSON', () => {
    const form = Object.fromEntries(
      new URLSearchParams(
        'grant_type=client_credentials&client_id=key_1&client_secret=kv_live_x&scope=messages%3Asend',
      ),
    );
    expect(oauthTokenRequestSchema.parse(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'key_1',
      client_secret: 'kv_live_x',
      scope: 'messages:send',
    });
    // Credentials in an HTTP Basic header instead (RFC 6749 section 2.3.1).
    expect(oauthTokenRequestSchema.safeParse({ grant_type: 'client_credentials' }).success).toBe(true);
  });

  it('reject other grants and unknown parameters', () => {
    expect(oauthTokenRequestSchema.safeParse({ grant_type: 'password', username: 'a' }).success).toBe(false);
    expect(oauthTokenRequestSchema.safeParse({ grant_type: 'client_credentials', audience: 'x' }).success).toBe(false);
  });

  it('parse token and error responses', () => {
    const token = { access_token: 'abc', token_type: 'Bearer', expires_in: 3600, scope: 'messages:send' };
    expect(oauthTokenResponseSchema.parse(token)).toEqual(token);
    expect(oauthTokenResponseSchema.safeParse({ ...token, expires_in: 0 }).success).toBe(false);
    expect(oauthTokenResponseSchema.safeParse({ ...token, token_type: 'MAC' }).success).toBe(false);
    expect(oauthErrorResponseSchema.safeParse({ error: 'invalid_client', error_description: 'x' }).success).toBe(true);
    expect(oauthErrorResponseSchema.safeParse({ code: 'invalid_client' }).success).toBe(false);
  });

  it('have a registry entry for every RFC 6749 error code the gateway sends', () => {
    for (const code of OAUTH_ERROR_CODES.filter((c) => c !== 'unauthorized_client')) {
      expect(Object.hasOwn(ERROR_CODES, code), code).toBe(true);
    }
    expect(ERROR_CODES.invalid_client.status).toBe(401);
    expect(ERROR_CODES.unsupported_grant_type.status).toBe(400);
    expect(ERROR_CODES.invalid_scope.status).toBe(400);
  });
});
