import * as z from 'zod/mini';
import { pure } from '../internal/pure';

/** The path of the token endpoint. */
export const OAUTH_TOKEN_PATH = '/oauth/token';

/**
 * The body of `POST /oauth/token` (RFC 6749 section 4.4), form-encoded
 * (`application/x-www-form-urlencoded`) or JSON. The client is an API key: `client_id` is its id
 * (`key_…`), `client_secret` the key itself. They may come in an HTTP Basic `Authorization` header
 * instead (section 2.3.1), so both are optional here; the gateway requires one of the two ways.
 */
export interface OAuthTokenRequest {
  grant_type: 'client_credentials';
  client_id?: string;
  client_secret?: string;
  /** Space-separated scopes, at most those of the key. Default: the key's scopes. */
  scope?: string;
}

/** A successful token response (RFC 6749 section 5.1). */
export interface OAuthTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds the token is valid for. */
  expires_in: number;
  /** The granted scopes, space-separated. */
  scope: string;
}

/** The error codes of RFC 6749 section 5.2. */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/** A token endpoint error (RFC 6749 section 5.2). */
export interface OAuthErrorResponse {
  error: string;
  error_description?: string;
  error_uri?: string;
}

/**
 * Strict (request), except that `grant_type` is checked by the gateway first so an unknown grant
 * answers `unsupported_grant_type` as the RFC asks, not a validation error.
 */
export const oauthTokenRequestSchema = pure(() =>
  z.strictObject({
    grant_type: z.literal('client_credentials'),
    client_id: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(128))),
    client_secret: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(256))),
    scope: z.exactOptional(z.string().check(z.maxLength(1024))),
  }),
);

/** Loose (response). `token_type` is compared case-insensitively by clients (section 5.1). */
export const oauthTokenResponseSchema = pure(() =>
  z.looseObject({
    access_token: z.string().check(z.minLength(1)),
    token_type: z.literal('Bearer'),
    expires_in: z.int().check(z.gte(1)),
    scope: z.string(),
  }),
);

/** Loose (response). */
export const oauthErrorResponseSchema = pure(() =>
  z.looseObject({
    error: z.string(),
    error_description: z.exactOptional(z.string()),
    error_uri: z.exactOptional(z.string()),
  }),
);
