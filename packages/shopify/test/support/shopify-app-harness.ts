import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeShop, type FakeShop, mintSessionToken, signShopifyWebhook } from '@karvon/test-utils';
import { setupServer } from 'msw/node';
import { SHOPIFY_ADMIN_API_VERSION } from '../../src/api-version';
import { createShopifyApp, type ShopifyApp, type ShopifyAppOptions } from '../../src/app';
import { jsonLinesLogger, silentLogger } from '../../src/app-logger';
import type { ComplianceDataExport } from '../../src/compliance/compliance-handlers';
import type { ShopifyAppConfigInput } from '../../src/config';
import { openShopifyStore } from '../../src/storage/open-shopify-store';
import {
  type KarvonTestGateway,
  startKarvonTestGateway,
  type TestKarvonAccount,
} from '../../src/test-support/karvon-test-gateway';
import { type ServedHandler, serveFetchHandler } from '../../src/test-support/serve-fetch-handler';

export const SHOP = 'karvon-demo.myshopify.com';
export const API_KEY = 'karvon-test-client-id';
export const API_SECRET = 'karvon-test-client-secret';

/**
 * The whole app as a merchant runs it, on loopback: the app served over real HTTP, its SQLite
 * store in a temp dir, a real Karvon gateway (with a carrier simulator when asked), and Shopify's
 * APIs answered by the fake shop behind msw. The shop is installed and connected through the
 * admin API with a minted session token, so token exchange runs for real against the fake shop.
 */
export interface GatewayEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface ShopifyAppHarness {
  app: ShopifyApp;
  served: ServedHandler;
  gateway: KarvonTestGateway;
  account: TestKarvonAccount;
  fakeShop: FakeShop;
  exports: ComplianceDataExport[];
  /** Every event the gateway posted to the app, in arrival order (redeliveries included). */
  gatewayEvents: GatewayEvent[];
  dataDir: string;
  /** POSTs a signed Shopify webhook to the app `times` times (same event id, new webhook id each). */
  deliver(
    topic: string,
    body: unknown,
    options: { eventId: string; times?: number; tamper?: boolean },
  ): Promise<number[]>;
  /** Calls the admin JSON API as the shop's staff. */
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Runs the inbox worker until nothing is due. */
  drain(): Promise<void>;
  /** Closes the app only (not the gateway or the data dir), as a crash or deploy would. */
  restartApp(): Promise<void>;
  close(): Promise<void>;
}

export async function startShopifyAppHarness(
  options: {
    withCarrier?: boolean;
    billing?: ShopifyAppConfigInput['billing'];
    app?: Partial<ShopifyAppOptions>;
    /** The app's store on PostgreSQL (this schema of DATABASE_URL) instead of SQLite. */
    postgres?: { url: string; schema: string };
    abandonedCheckoutDelayMinutes?: number;
  } = {},
): Promise<ShopifyAppHarness> {
  const gateway = await startKarvonTestGateway({ withCarrier: options.withCarrier ?? false, webhooks: true });
  const account = await gateway.newAccount({ mode: 'live' });
  const fakeShop = createFakeShop({
    shop: SHOP,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    shopName: 'Karvon Demo',
    // Answers GraphQL on this version only: a client on another version would fail every test.
    apiVersion: SHOPIFY_ADMIN_API_VERSION,
  });
  // Only Shopify's hosts are answered by msw; the gateway and the app on 127.0.0.1 are real.
  const msw = setupServer(...fakeShop.handlers);
  msw.listen({ onUnhandledRequest: 'bypass' });
  const dataDir = mkdtempSync(join(tmpdir(), 'karvon-shopify-app-'));
  const exports: ComplianceDataExport[] = [];
  let app: ShopifyApp | undefined;
  const gatewayEvents: GatewayEvent[] = [];
  const served = await serveFetchHandler(async (request) => {
    if (!app) return new Response('starting', { status: 503 });
    const gatewayEvent = new URL(request.url).pathname.startsWith('/karvon/webhooks/')
      ? (JSON.parse(await request.clone().text()) as GatewayEvent)
      : undefined;
    const response = await app.handle(request);
    // Recorded once the app has answered (and so stored it), for tests that wait for the gateway's
    // asynchronous deliveries before draining the inbox.
    if (gatewayEvent && response.ok) gatewayEvents.push(gatewayEvent);
    return response;
  });
  const store = options.postgres
    ? await openShopifyStore({ databaseUrl: options.postgres.url, schema: options.postgres.schema })
    : undefined;
  const open = () =>
    createShopifyApp({
      ...(store ? { store } : {}),
      config: {
        apiKey: API_KEY,
        apiSecretKey: API_SECRET,
        appUrl: served.url,
        karvonBaseUrl: gateway.url,
        dataDir,
        ...(options.billing ? { billing: options.billing } : {}),
        ...(options.abandonedCheckoutDelayMinutes !== undefined
          ? { abandonedCheckoutDelayMinutes: options.abandonedCheckoutDelayMinutes }
          : {}),
      },
      logger: process.env.KARVON_TEST_LOG ? jsonLinesLogger() : silentLogger,
      startWorker: false,
      defaultCountry: 'UZ',
      deliverExport: async (data) => {
        exports.push(data);
      },
      ...options.app,
    });
  app = await open();

  const admin: ShopifyAppHarness['admin'] = async (method, path, body) => {
    const token = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET, userId: '42' });
    const response = await fetch(`${served.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const connected = await admin('PUT', '/api/connection', {
    apiKey: account.apiKey,
    senderId: account.sender,
    baseUrl: gateway.url,
  });
  if (connected.status !== 200)
    throw new Error(`connect failed: ${connected.status} ${JSON.stringify(connected.body)}`);

  const harness: ShopifyAppHarness = {
    get app() {
      if (!app) throw new Error('app closed');
      return app;
    },
    served,
    gateway,
    account,
    fakeShop,
    exports,
    gatewayEvents,
    dataDir,
    async deliver(topic, body, { eventId, times = 1, tamper = false }) {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) {
        const signed = signShopifyWebhook({
          secret: API_SECRET,
          topic,
          shop: SHOP,
          eventId,
          apiVersion: SHOPIFY_ADMIN_API_VERSION,
          body,
        });
        const sent = tamper
          ? signed.body.replace(/"name":"[^"]*"/, '"name":"#9999"').replace('}', ',"x":1}')
          : signed.body;
        const response = await fetch(`${served.url}/webhooks/shopify`, {
          method: 'POST',
          headers: signed.headers,
          body: sent,
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      return statuses;
    },
    admin,
    async drain() {
      while ((await harness.app.worker.runOnce()) > 0) {}
    },
    async restartApp() {
      await app?.close();
      app = undefined;
      app = await open();
    },
    async close() {
      await app?.close();
      await served.close();
      await store?.close();
      msw.close();
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
