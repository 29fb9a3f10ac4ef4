import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Karvon } from '@karvon/sdk';
import { createAdminApi } from './admin/admin-api';
import { renderAdminPage } from './admin/admin-page';
import { adminPageHeaders } from './admin/admin-page-headers';
import { sampleVariables } from './admin/sample-variables';
import { type AppLogger, jsonLinesLogger } from './app-logger';
import { chargeForSms } from './billing/charge-for-sms';
import { type ComplianceDataExport, complianceHandlers } from './compliance/compliance-handlers';
import { parseShopifyAppConfig, type ShopifyAppConfig, type ShopifyAppConfigInput } from './config';
import { applyKarvonOptOut } from './consent/apply-karvon-opt-out';
import { recordShopifyConsent } from './consent/record-shopify-consent';
import { syncConsentToGateway } from './consent/sync-consent-to-gateway';
import { karvonEventHandlers } from './karvon-events/karvon-event-handlers';
import { receiveKarvonWebhook } from './karvon-events/receive-karvon-webhook';
import { DEFAULT_TEMPLATES } from './notifications/default-templates';
import { renderTemplate } from './notifications/render-template';
import { type AdminGraphql, createAdminGraphql } from './platform-client/admin-graphql';
import { createAuthenticateAdmin } from './platform-client/authenticate-admin';
import { createShopifyApi, type ShopifyApi } from './platform-client/create-shopify-api';
import { createOfflineSessionManager, type OfflineSessionManager } from './platform-client/offline-session-manager';
import { SHOP_INFO_QUERY } from './platform-client/operations/shop-info';
import { openShopifyStore } from './storage/open-shopify-store';
import type { ShopConnection, ShopifyStore } from './storage/shopify-store';
import { checkoutHandlers } from './webhooks/handlers/checkout-handlers';
import { orderHandlers } from './webhooks/handlers/order-handlers';
import {
  createInboxWorker,
  type InboxHandler,
  type InboxWorker,
  type InboxWorkerOptions,
} from './webhooks/inbox-worker';
import { receiveShopifyWebhook } from './webhooks/receive-shopify-webhook';

export interface ShopifyAppOptions {
  config: ShopifyAppConfigInput;
  /** Default: `openShopifyStore` on `config.databaseUrl` or `config.dataDir`. */
  store?: ShopifyStore;
  logger?: AppLogger;
  /** How the app talks to a merchant's Karvon account. */
  karvonFor?: (connection: Pick<ShopConnection, 'karvonApiKey' | 'karvonBaseUrl'>) => Karvon;
  /**
   * Hands a `customers/data_request` export to the merchant. Default: a JSON file under
   * `{dataDir}/compliance-exports/{shop}/`, which the operator forwards.
   */
  deliverExport?: (data: ComplianceDataExport) => Promise<void>;
  /** Country of local numbers without a country code (`UZ` for a Tashkent shop). */
  defaultCountry?: string;
  worker?: Pick<InboxWorkerOptions, 'pollMs' | 'leaseMs' | 'backoffMs' | 'maxAttempts'>;
  /** Start the inbox worker now (default). Tests turn it off and call `worker.runOnce()`. */
  startWorker?: boolean;
  now?: () => number;
}

export interface ShopifyApp {
  readonly config: ShopifyAppConfig;
  readonly shopify: ShopifyApi;
  readonly store: ShopifyStore;
  readonly sessions: OfflineSessionManager;
  readonly worker: InboxWorker;
  graphqlFor(shop: string): AdminGraphql;
  /**
   * Every route of the app as one Web-standard handler: `POST /webhooks/shopify`,
   * `POST /karvon/webhooks/{connectionId}`, `/api/*` (the admin page's JSON API), `GET /` (the
   * embedded admin page) and `GET /health`.
   */
  handle(request: Request): Promise<Response>;
  close(): Promise<void>;
}

const KARVON_WEBHOOK_PATH = /^\/karvon\/webhooks\/([A-Za-z0-9_-]{1,64})$/;

/** The composition root of the Shopify app: config, storage, Shopify client, handlers, worker. */
export async function createShopifyApp(options: ShopifyAppOptions): Promise<ShopifyApp> {
  const config = parseShopifyAppConfig(options.config);
  const logger = options.logger ?? jsonLinesLogger();
  const store =
    options.store ??
    (await openShopifyStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }));
  const shopify = createShopifyApi(config, {
    log: (severity, message) => logger.warn('shopify-api', { severity, message }),
  });
  const sessions = createOfflineSessionManager({ shopify, store, ...(options.now ? { now: options.now } : {}) });
  const graphqlFor = createAdminGraphql({ sessions });
  const karvonFor =
    options.karvonFor ??
    ((connection) => new Karvon({ apiKey: connection.karvonApiKey, baseUrl: connection.karvonBaseUrl }));
  const deliverExport = options.deliverExport ?? fileExport(resolve(config.dataDir, 'compliance-exports'));

  const notifyDeps = {
    store,
    karvonFor,
    logger,
    charge: ({ shop, notificationId, segments }: { shop: string; notificationId: string; segments: number }) =>
      chargeForSms({ config, store, graphql: graphqlFor(shop), shop, notificationId, segments }),
  };
  const orders = orderHandlers(notifyDeps, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
  const checkouts = checkoutHandlers(notifyDeps, {
    delayMinutes: config.abandonedCheckoutDelayMinutes,
    now: options.now ?? Date.now,
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
  const compliance = complianceHandlers({ store, karvonFor, logger, deliverExport });
  const shopifyHandlers: Record<string, InboxHandler> = {
    ...orders,
    ...checkouts,
    ...compliance,
    'customers_marketing_consent/update': async (event, payload) => {
      const { record, previous } = await recordShopifyConsent(store, event.shop, event.payload);
      const connection = await store.connections.get(event.shop);
      if (!connection) return;
      const consentedAt = (payload as { sms_marketing_consent?: { consent_updated_at?: unknown } })
        .sms_marketing_consent?.consent_updated_at;
      const synced = await syncConsentToGateway(
        karvonFor(connection),
        record,
        previous?.state ?? null,
        typeof consentedAt === 'string' ? consentedAt : undefined,
      );
      logger.info('consent synced to karvon', { shop: event.shop, ...synced });
    },
    'app/uninstalled': async (event) => {
      // The token is dead; settings, connection and the log stay until shop/redact (48 h later),
      // so a merchant who reinstalls finds them and the redaction can still reach the gateway.
      await store.sessions.deleteShopSessions(event.shop);
    },
  };
  const karvonEvents = karvonEventHandlers({
    store,
    onOptOutChanged: async (shop, change) => {
      const results = await applyKarvonOptOut({
        store,
        graphql: graphqlFor(shop),
        shop,
        phone: change.phone,
        optedOut: change.optedOut,
        changedAt: change.changedAt,
      });
      logger.info('consent synced to shopify', { shop, results: results.map((result) => result.outcome) });
    },
  });
  const worker = createInboxWorker({
    store,
    logger,
    resolveHandler: (topic) => shopifyHandlers[topic] ?? karvonEvents(topic),
    ...options.worker,
    ...(options.now ? { now: options.now } : {}),
  });

  const authenticate = createAuthenticateAdmin({ shopify, sessions });
  const adminApi = createAdminApi({
    store,
    logger,
    appUrl: config.appUrl,
    defaultKarvonBaseUrl: config.karvonBaseUrl,
    karvonFor,
    authenticate: async (request) => {
      const context = await authenticate(request);
      await refreshShopName(context.shop);
      return context;
    },
    sendTest: async ({ shop, phone, kind, locale }) => {
      const connection = await store.connections.get(shop);
      if (!connection) throw new Error('not connected');
      const settings = await store.settings.get(shop);
      const saved = (await store.settings.listTemplates(shop)).find((t) => t.kind === kind && t.locale === locale);
      const { text } = renderTemplate(
        saved?.body ?? DEFAULT_TEMPLATES[kind][locale],
        sampleVariables(settings.shopName),
      );
      const sent = await karvonFor(connection).messages.send({
        to: phone,
        from: connection.senderId,
        body: text,
        type: 'transactional',
        smartEncoding: true,
        metadata: { shop, kind, test: 'true' },
      });
      const result = sent.results[0];
      if (result?.status !== 'accepted')
        throw new Error(result?.status === 'rejected' ? result.error.code : 'no result');
      return { messageId: result.id, status: result.messageStatus, segments: result.segments };
    },
  });

  /** `{shop_name}` is the shop's name in Shopify, read once per shop when the merchant opens the app. */
  async function refreshShopName(shop: string): Promise<void> {
    const settings = await store.settings.get(shop);
    if (settings.shopName !== shop) return;
    try {
      const data = await graphqlFor(shop)(SHOP_INFO_QUERY);
      await store.settings.put({ ...settings, shopName: data.shop.name });
    } catch (error) {
      logger.warn('shop name not read', { shop, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === 'POST' && path === '/webhooks/shopify') {
      return receiveShopifyWebhook({ shopify, store, logger, onStored: () => worker.wake() }, request);
    }
    const karvonPath = KARVON_WEBHOOK_PATH.exec(path);
    if (request.method === 'POST' && karvonPath?.[1]) {
      return receiveKarvonWebhook({ store, logger, onStored: () => worker.wake() }, karvonPath[1], request);
    }
    if (path.startsWith('/api/')) {
      const response = await adminApi(request);
      if (response) return response;
    }
    if (request.method === 'GET' && (path === '/' || path === '/app')) {
      const shop = url.searchParams.get('shop');
      return new Response(renderAdminPage({ apiKey: config.apiKey, ...(shop ? { shop } : {}) }), {
        headers: { 'content-type': 'text/html; charset=utf-8', ...adminPageHeaders(shop) },
      });
    }
    if (request.method === 'GET' && path === '/health') return Response.json({ ok: true });
    return Response.json({ code: 'not_found' }, { status: 404 });
  }

  if (options.startWorker !== false) worker.start();
  return {
    config,
    shopify,
    store,
    sessions,
    worker,
    graphqlFor,
    handle,
    async close() {
      await worker.stop();
      if (!options.store) await store.close();
    },
  };
}

function fileExport(dir: string): (data: ComplianceDataExport) => Promise<void> {
  return async (data) => {
    const shopDir = join(dir, data.shop.replace(/[^a-z0-9.-]/gi, '_'));
    await mkdir(shopDir, { recursive: true });
    await writeFile(join(shopDir, `data-request-${data.dataRequestId}.json`), JSON.stringify(data, null, 2), {
      mode: 0o600,
    });
  };
}
