import type { Karvon } from '@karvon/sdk';
import type { AppLogger } from '../app-logger';
import type { NotificationKind, ShopifyStore, TemplateLocale } from '../storage/shopify-store';

/** What the admin API needs from the app; injected, so tests and the composition root wire it. */
export interface AdminApiDeps {
  store: ShopifyStore;
  /**
   * Verifies the App Bridge session token (`Authorization: Bearer …`) and answers the shop; throws
   * an error with `status: 401` otherwise.
   */
  authenticate(request: Request): Promise<{ shop: string }>;
  /** A Karvon SDK client for a connection's key and gateway. */
  karvonFor(connection: { karvonApiKey: string; karvonBaseUrl: string }): Karvon;
  /** The app's public URL; the gateway posts events to `${appUrl}/karvon/webhooks/${connectionId}`. */
  appUrl: string;
  /** The gateway a merchant connects to when they give no URL. */
  defaultKarvonBaseUrl: string;
  /** Sends one notification text to `phone` through the shop's connection. */
  sendTest(input: {
    shop: string;
    phone: string;
    kind: NotificationKind;
    locale: TemplateLocale;
  }): Promise<{ messageId: string; status: string; segments: number }>;
  now?: () => number;
  /** Where unexpected failures are reported (without request bodies). Default: silent. */
  logger?: AppLogger;
}

/** One authenticated request on its way through a route handler. */
export interface AdminRouteContext {
  deps: AdminApiDeps;
  shop: string;
  request: Request;
  url: URL;
  /** Named groups of the route's path pattern. */
  params: Readonly<Record<string, string>>;
  now(): number;
}

export interface AdminRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Matched against the whole pathname; named groups become `params`. */
  path: RegExp;
  handle(context: AdminRouteContext): Promise<Response>;
}

/** Calls to the merchant's gateway from a page request: fail fast rather than hold the page. */
export const GATEWAY_CALL_OPTIONS = { timeoutMs: 8_000, maxRetries: 0 } as const;
