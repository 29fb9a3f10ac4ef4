// The web-api adapter, not the node one: it needs no Node-only globals (so the same code runs on
// edge runtimes) and it calls the standard global fetch, which msw intercepts in our tests.
import '@shopify/shopify-api/adapters/web-api';
import { LogSeverity, type Shopify, shopifyApi } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';
import type { ShopifyAppConfig } from '../config';

export type ShopifyApi = Shopify;

export interface CreateShopifyApiOptions {
  /**
   * Receives the library's log lines at `Warning` and above. Defaults to dropping them: the library
   * logs shop names and request details we prefer to log ourselves, and we never want a token
   * anywhere near a log.
   */
  log?: (severity: 'error' | 'warning', message: string) => void;
}

/**
 * The @shopify/shopify-api instance for this app: embedded, pinned to SHOPIFY_ADMIN_API_VERSION.
 * v15 has no future flag for expiring offline tokens (it is the `expiring` argument of
 * `auth.tokenExchange`, which platform-client always sets), so `future` stays empty.
 */
export function createShopifyApi(config: ShopifyAppConfig, options: CreateShopifyApiOptions = {}): ShopifyApi {
  // The adapter import captures `fetch` once, at import time, so anything that wraps the global
  // fetch later (msw in tests, tracing in production) would be bypassed. Look it up per call instead.
  setAbstractFetchFunc((input, init) => globalThis.fetch(input, init));
  const appUrl = new URL(config.appUrl);
  const log = options.log;
  return shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecretKey,
    scopes: config.scopes,
    hostName: appUrl.host,
    hostScheme: appUrl.protocol === 'http:' ? 'http' : 'https',
    apiVersion: SHOPIFY_ADMIN_API_VERSION,
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      httpRequests: false,
      timestamps: false,
      log: (severity, message) => {
        if (!log) return;
        log(severity === LogSeverity.Error ? 'error' : 'warning', message);
      },
    },
    _logDisabledFutureFlags: false,
  });
}
