import { KarvonError, type KarvonErrorJSON } from '@karvon/sdk';

/**
 * Why a call to Shopify failed, in words our code branches on. The HTTP status each one maps to
 * (for an embedded-app route answering the browser) is in SHOPIFY_PLATFORM_ERROR_STATUS.
 */
export type ShopifyPlatformErrorCode =
  /** No `Authorization: Bearer <session token>` on an admin request. */
  | 'missing_session_token'
  /** The session token failed HS256/audience/expiry checks, or Shopify refused to exchange it. */
  | 'invalid_session_token'
  /** No offline session is stored for the shop: it never opened the app, or uninstalled it. */
  | 'not_installed'
  /** The offline token can no longer be refreshed (no refresh token, expired, or refused); the merchant must open the app. */
  | 'reauthorization_required'
  /** Shopify answered 401 to the Admin API even with a freshly refreshed token. */
  | 'unauthorized'
  /** Still THROTTLED after the last retry. */
  | 'throttled'
  /** The query asks for more points than the bucket can ever hold. */
  | 'query_too_expensive'
  /** The token endpoint failed for another reason (5xx, unexpected 4xx). */
  | 'token_request_failed'
  /** The Admin API returned top-level GraphQL `errors`. */
  | 'graphql_error'
  /** A non-2xx status from the Admin API other than 401 (402 frozen shop, 403, 404, 423, 5xx). */
  | 'http_error'
  /** A mutation answered with `userErrors` that the caller cannot handle. */
  | 'user_errors'
  /** No response: DNS, refused or reset connection. */
  | 'network_error';

export const SHOPIFY_PLATFORM_ERROR_STATUS: Readonly<Record<ShopifyPlatformErrorCode, number>> = {
  missing_session_token: 401,
  invalid_session_token: 401,
  not_installed: 401,
  reauthorization_required: 401,
  unauthorized: 401,
  throttled: 429,
  query_too_expensive: 400,
  token_request_failed: 502,
  graphql_error: 502,
  http_error: 502,
  user_errors: 422,
  network_error: 502,
};

export interface ShopifyPlatformErrorInit {
  code: ShopifyPlatformErrorCode;
  message: string;
  shop?: string | undefined;
  /** The status Shopify answered with, when it answered. */
  shopifyStatus?: number | undefined;
  /** GraphQL error codes (`extensions.code`) or OAuth `error` values Shopify sent. */
  shopifyCodes?: readonly string[] | undefined;
  attempts?: number | undefined;
  retryAfterMs?: number | undefined;
  /** Whether trying again later can succeed (throttling, 5xx, network). */
  retryable?: boolean | undefined;
  cause?: unknown;
}

/**
 * Every failure talking to Shopify, converted at this one seam: foreign errors from
 * @shopify/shopify-api and fetch never leave platform-client. Messages never carry tokens, session
 * tokens or full phone numbers (the SDK's own errors can: InvalidJwtError quotes the token), so a
 * foreign error is summarised rather than attached as `cause`.
 */
export class ShopifyPlatformError extends KarvonError {
  static override readonly errorName: string = 'ShopifyPlatformError';

  readonly code: ShopifyPlatformErrorCode;
  /** The status an HTTP route should answer with. */
  readonly status: number;
  readonly shop: string | undefined;
  readonly shopifyStatus: number | undefined;
  readonly shopifyCodes: readonly string[];
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;

  constructor(init: ShopifyPlatformErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = SHOPIFY_PLATFORM_ERROR_STATUS[init.code];
    this.shop = init.shop;
    this.shopifyStatus = init.shopifyStatus;
    this.shopifyCodes = init.shopifyCodes ?? [];
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable ?? false;
  }

  override toJSON(): KarvonErrorJSON {
    return {
      ...super.toJSON(),
      code: this.code,
      status: this.status,
      shop: this.shop,
      shopifyStatus: this.shopifyStatus,
      shopifyCodes: this.shopifyCodes,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
    };
  }
}
