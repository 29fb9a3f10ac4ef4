import type { Session } from '@shopify/shopify-api';
import type { ShopifyApi } from './create-shopify-api';
import type { OfflineSessionManager } from './offline-session-manager';
import { ShopifyPlatformError } from './shopify-platform-error';

/** What an authenticated admin request knows. */
export interface AdminContext {
  /** `my-shop.myshopify.com`, from the session token's `dest`. */
  shop: string;
  /** The shop's expiring offline session, usable for Admin API calls. */
  session: Session;
  /** The staff member who has the app open (`sub`), when the token names one. */
  userId: string | null;
}

export type AuthenticateAdmin = (request: Request) => Promise<AdminContext>;

/**
 * Authenticates a request from the embedded admin: the App Bridge session token in
 * `Authorization: Bearer …` is verified (HS256 with the app secret, audience, expiry), the shop is
 * taken from its `dest`, and the shop's offline session is loaded, refreshed or obtained by token
 * exchange. There is no authorization-code flow: token exchange is the only way in.
 *
 * Throws ShopifyPlatformError with status 401 (`missing_session_token`, `invalid_session_token`).
 * A route answering it should add `X-Shopify-Retry-Invalid-Session-Request: 1`, so App Bridge
 * fetches a new session token and retries once.
 */
export function createAuthenticateAdmin(deps: {
  shopify: ShopifyApi;
  sessions: Pick<OfflineSessionManager, 'sessionForAdminRequest'>;
}): AuthenticateAdmin {
  return async (request) => {
    const sessionToken = bearerToken(request);
    if (!sessionToken) {
      throw new ShopifyPlatformError({
        code: 'missing_session_token',
        message: 'The request carries no session token',
      });
    }
    let payload: { dest: string; sub?: string };
    try {
      payload = await deps.shopify.session.decodeSessionToken(sessionToken);
    } catch {
      // The library's message quotes the token: keep it out of ours.
      throw new ShopifyPlatformError({ code: 'invalid_session_token', message: 'The session token is invalid' });
    }
    const shop = shopFromDest(deps.shopify, payload.dest);
    if (!shop) {
      throw new ShopifyPlatformError({
        code: 'invalid_session_token',
        message: 'The session token does not name a shop',
      });
    }
    const session = await deps.sessions.sessionForAdminRequest(shop, sessionToken);
    return { shop, session, userId: payload.sub ? String(payload.sub) : null };
  };
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

function shopFromDest(shopify: ShopifyApi, dest: string): string | null {
  try {
    return shopify.utils.sanitizeShop(new URL(dest).hostname);
  } catch {
    return null;
  }
}
