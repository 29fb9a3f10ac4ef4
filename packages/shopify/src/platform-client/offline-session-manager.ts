import { HttpResponseError, InvalidJwtError, RequestedTokenType, type Session } from '@shopify/shopify-api';
import type { ShopifyStore } from '../storage/shopify-store';
import type { ShopifyApi } from './create-shopify-api';
import { ShopifyPlatformError } from './shopify-platform-error';

/** Shopify: "proactively refresh tokens a few minutes before they expire". */
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

export interface OfflineSessionManagerOptions {
  shopify: ShopifyApi;
  store: Pick<ShopifyStore, 'sessions' | 'withLock'>;
  /** Epoch ms; injectable so tests can put a token a second before its expiry. */
  now?: () => number;
  /** Refresh when the access token expires within this many ms. */
  refreshMarginMs?: number;
}

export interface OfflineSessionManager {
  /**
   * The shop's offline session for background work (webhook jobs, consent writes, billing),
   * refreshed first when its access token is about to expire, or when `rejectedAccessToken` says
   * Shopify just answered 401 to it.
   */
  getOfflineSession(shop: string, options?: { rejectedAccessToken?: string }): Promise<Session>;
  /**
   * A usable expiring offline session for an admin request that carried a valid session token:
   * the stored one, refreshed, or a new one from token exchange when there is none, it is a legacy
   * non-expiring token, or it can no longer be refreshed.
   */
  sessionForAdminRequest(shop: string, sessionToken: string): Promise<Session>;
}

/**
 * Expiring offline tokens (required for public apps created since April 2026): one hour access
 * tokens, rotated with single-use refresh tokens. Shopify keeps one expiring token per app and shop
 * and revokes the previous one whenever it issues a new one, so two processes refreshing or
 * exchanging at once would invalidate each other. Every refresh and exchange therefore runs under
 * `store.withLock('shopify-refresh:' + shop)`, and re-reads the stored session once it holds the
 * lock: a process that waited finds the token another one already refreshed and uses it.
 */
export function createOfflineSessionManager(options: OfflineSessionManagerOptions): OfflineSessionManager {
  const { shopify, store } = options;
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;

  const lockName = (shop: string) => `shopify-refresh:${shop}`;
  const isFresh = (session: Session) =>
    Boolean(session.accessToken) && (!session.expires || session.expires.getTime() - now() > margin);
  const canRefresh = (session: Session) =>
    Boolean(session.refreshToken) && (!session.refreshTokenExpires || session.refreshTokenExpires.getTime() > now());
  // The admin path also moves a legacy non-expiring token to an expiring one, while it has a session token to do so.
  const isFreshExpiring = (session: Session) => Boolean(session.expires) && isFresh(session);

  async function refresh(shop: string, session: Session): Promise<Session> {
    let refreshed: Session;
    try {
      ({ session: refreshed } = await shopify.auth.refreshToken({ shop, refreshToken: session.refreshToken! }));
    } catch (error) {
      throw tokenEndpointError(error, shop, 'refresh');
    }
    // Shopify rotates the refresh token on every use; keep the old one only if none came back.
    if (!refreshed.refreshToken && session.refreshToken) {
      refreshed.refreshToken = session.refreshToken;
      if (session.refreshTokenExpires) refreshed.refreshTokenExpires = session.refreshTokenExpires;
    }
    await store.sessions.storeSession(refreshed);
    return refreshed;
  }

  async function exchange(shop: string, sessionToken: string): Promise<Session> {
    let exchanged: Session;
    try {
      ({ session: exchanged } = await shopify.auth.tokenExchange({
        shop,
        sessionToken,
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
        expiring: true,
      }));
    } catch (error) {
      throw tokenEndpointError(error, shop, 'exchange');
    }
    await store.sessions.storeSession(exchanged);
    return exchanged;
  }

  return {
    async getOfflineSession(shop, { rejectedAccessToken } = {}) {
      const stored = await store.sessions.loadOfflineSession(shop);
      if (!stored) throw notInstalled(shop);
      if (rejectedAccessToken === undefined && isFresh(stored)) return stored;
      return store.withLock(lockName(shop), async () => {
        const current = await store.sessions.loadOfflineSession(shop);
        if (!current) throw notInstalled(shop);
        // After a 401, a different token means another process already refreshed.
        if (isFresh(current) && current.accessToken !== rejectedAccessToken) return current;
        if (!canRefresh(current)) {
          throw new ShopifyPlatformError({
            code: 'reauthorization_required',
            shop,
            message: `The offline token of ${shop} has expired and cannot be refreshed; the merchant must open the app`,
          });
        }
        return refresh(shop, current);
      });
    },

    async sessionForAdminRequest(shop, sessionToken) {
      const stored = await store.sessions.loadOfflineSession(shop);
      if (stored && isFreshExpiring(stored)) return stored;
      return store.withLock(lockName(shop), async () => {
        const current = await store.sessions.loadOfflineSession(shop);
        if (current && isFreshExpiring(current)) return current;
        if (current?.expires && canRefresh(current)) {
          try {
            return await refresh(shop, current);
          } catch (error) {
            // A refused refresh token is what token exchange is for; anything else (5xx, network) is not.
            if (!(error instanceof ShopifyPlatformError && error.code === 'reauthorization_required')) throw error;
          }
        }
        return exchange(shop, sessionToken);
      });
    },
  };
}

function notInstalled(shop: string): ShopifyPlatformError {
  return new ShopifyPlatformError({
    code: 'not_installed',
    shop,
    message: `No offline session is stored for ${shop}`,
  });
}

/** Maps what @shopify/shopify-api throws at the token endpoint; its messages may quote tokens, so none is kept. */
function tokenEndpointError(error: unknown, shop: string, during: 'exchange' | 'refresh'): ShopifyPlatformError {
  if (error instanceof InvalidJwtError) {
    return new ShopifyPlatformError({ code: 'invalid_session_token', shop, message: 'The session token is invalid' });
  }
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    const body = error.response.body as { error?: unknown } | undefined;
    const oauthError = typeof body?.error === 'string' ? body.error : undefined;
    const detail = `${status}${oauthError ? ` ${oauthError}` : ''}`;
    const codes = oauthError ? [oauthError] : [];
    if (during === 'exchange' && status === 400 && oauthError === 'invalid_subject_token') {
      return new ShopifyPlatformError({
        code: 'invalid_session_token',
        shop,
        shopifyStatus: status,
        shopifyCodes: codes,
        message: `Shopify refused the session token of ${shop} (${detail})`,
      });
    }
    if (during === 'refresh' && status === 400) {
      return new ShopifyPlatformError({
        code: 'reauthorization_required',
        shop,
        shopifyStatus: status,
        shopifyCodes: codes,
        message: `Shopify refused to refresh the offline token of ${shop} (${detail})`,
      });
    }
    return new ShopifyPlatformError({
      code: 'token_request_failed',
      shop,
      shopifyStatus: status,
      shopifyCodes: codes,
      retryable: status >= 500 || status === 429,
      message: `The Shopify token endpoint of ${shop} answered ${detail} during token ${during}`,
    });
  }
  return new ShopifyPlatformError({
    code: 'network_error',
    shop,
    retryable: true,
    message: `Could not reach the Shopify token endpoint of ${shop} during token ${during}`,
  });
}
