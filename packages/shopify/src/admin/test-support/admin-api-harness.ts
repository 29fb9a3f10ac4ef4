import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Karvon } from '@karvon/sdk';
import { openShopifyStore } from '../../storage/open-shopify-store';
import type { ShopifyStore } from '../../storage/shopify-store';
import {
  type KarvonTestGateway,
  startKarvonTestGateway,
  type TestKarvonAccount,
} from '../../test-support/karvon-test-gateway';
import { type AdminApiDeps, type AdminApiHandler, createAdminApi } from '../admin-api';

/** The app's public URL in these tests: a literal loopback address, so the gateway needs no DNS. */
export const TEST_APP_URL = 'http://127.0.0.1:8123';

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests
  body: any;
  text: string;
}

export interface AdminApiHarness {
  gateway: KarvonTestGateway;
  store: ShopifyStore;
  api: AdminApiHandler;
  /** What sendTest was asked to send. */
  testSends: Parameters<AdminApiDeps['sendTest']>[0][];
  /** Replaces sendTest for one test. */
  setSendTest(sendTest: AdminApiDeps['sendTest'] | null): void;
  /** Calls the API as `shop` (the fake authenticate trusts `Bearer shop:{shop}`); `body` as JSON unless a string. */
  call(shop: string, method: string, path: string, body?: unknown): Promise<CallResult>;
  /** A gateway account, connected to `shop` through the API. */
  connect(shop: string, account?: TestKarvonAccount): Promise<TestKarvonAccount>;
  close(): Promise<void>;
}

const karvonFor: AdminApiDeps['karvonFor'] = (connection) =>
  new Karvon({ apiKey: connection.karvonApiKey, baseUrl: connection.karvonBaseUrl, maxRetries: 0 });

/**
 * The admin API over the real store (SQLite in a temp dir) and a real gateway. `authenticate` is
 * a stand-in: session-token verification is platform-client's, tested there.
 */
export async function startAdminApiHarness(): Promise<AdminApiHarness> {
  const gateway = await startKarvonTestGateway();
  const dataDir = mkdtempSync(join(tmpdir(), 'karvon-shopify-admin-'));
  const store = await openShopifyStore({ dataDir });
  const testSends: Parameters<AdminApiDeps['sendTest']>[0][] = [];
  let override: AdminApiDeps['sendTest'] | null = null;
  const api = createAdminApi({
    store,
    async authenticate(request) {
      const match = /^Bearer shop:(\S+)$/.exec(request.headers.get('authorization') ?? '');
      if (!match?.[1]) throw Object.assign(new Error('invalid session token'), { status: 401 });
      return { shop: match[1] };
    },
    karvonFor,
    appUrl: TEST_APP_URL,
    defaultKarvonBaseUrl: gateway.url,
    async sendTest(input) {
      testSends.push(input);
      if (override) return override(input);
      const connection = await store.connections.get(input.shop);
      if (!connection) throw new Error('not connected');
      const answer = await karvonFor(connection).messages.send({
        to: input.phone,
        body: `Test ${input.kind} ${input.locale}`,
        from: connection.senderId,
      });
      const result = answer.results[0];
      if (result?.status !== 'accepted') throw new Error('rejected');
      return { messageId: result.id, status: result.messageStatus, segments: result.segments };
    },
  });
  const call: AdminApiHarness['call'] = async (shop, method, path, body) => {
    const headers: Record<string, string> = { authorization: `Bearer shop:${shop}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await api(
      new Request(`${TEST_APP_URL}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    );
    if (!response) throw new Error(`${method} ${path} is not an admin route`);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
  };
  return {
    gateway,
    store,
    api,
    testSends,
    setSendTest(sendTest) {
      override = sendTest;
    },
    call,
    async connect(shop, account) {
      const chosen = account ?? (await gateway.newAccount());
      const answer = await call(shop, 'PUT', '/api/connection', { apiKey: chosen.apiKey, senderId: 'Karvon' });
      if (answer.status !== 200) throw new Error(`connect failed: ${answer.text}`);
      return chosen;
    },
    async close() {
      await store.close();
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A shop of its own for each test, so tests share one store without seeing each other. */
export function newShop(): string {
  counter += 1;
  return `admin-${process.pid}-${counter}.myshopify.com`;
}
