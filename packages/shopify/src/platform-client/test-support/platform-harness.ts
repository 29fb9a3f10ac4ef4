import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeShop, type FakeShop, type FakeShopOptions } from '@karvon/test-utils';
import { Session } from '@shopify/shopify-api';
import type { SetupServer } from 'msw/node';
import { expect } from 'vitest';
import { parseShopifyAppConfig, type ShopifyAppConfig, type ShopifyAppConfigInput } from '../../config';
import { openShopifyStore } from '../../storage/open-shopify-store';
import type { ShopifyStore } from '../../storage/shopify-store';
import { type AdminGraphql, createAdminGraphql } from '../admin-graphql';
import { createShopifyApi, type ShopifyApi } from '../create-shopify-api';
import { createOfflineSessionManager, type OfflineSessionManager } from '../offline-session-manager';
import { ShopifyPlatformError } from '../shopify-platform-error';

export const TEST_SHOP = 'karvon-test.myshopify.com';
export const TEST_API_KEY = 'test-client-id';
export const TEST_API_SECRET = 'test-client-secret';

export type TestStore = Pick<ShopifyStore, 'sessions' | 'withLock' | 'consent' | 'usage' | 'close'>;

export function testConfig(overrides: Partial<ShopifyAppConfigInput> = {}): ShopifyAppConfig {
  return parseShopifyAppConfig({
    apiKey: TEST_API_KEY,
    apiSecretKey: TEST_API_SECRET,
    appUrl: 'https://app.karvon.example',
    karvonBaseUrl: 'https://api.karvon.example',
    ...overrides,
  });
}

/** A clock the code under test reads and sleeps on: sleeping advances it and is recorded. */
export class FakeClock {
  // Starts at the real time: session tokens are checked against it by the fake shop and by jose.
  t = Date.now();
  readonly sleeps: number[] = [];
  readonly now = (): number => this.t;
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

/**
 * Opens the real store on a SQLite file in a temp directory; two calls with the same `name` open
 * the same file, as two processes would.
 */
export async function openTestStore(name: string = randomUUID()): Promise<TestStore> {
  const dataDir = join(tmpdir(), 'karvon-shopify-platform-tests', name);
  mkdirSync(dataDir, { recursive: true });
  const store = await openShopifyStore({ dataDir });
  openStores.push({ store, dataDir });
  return store;
}

const openStores: { store: TestStore; dataDir: string }[] = [];

/** Closes every store opened by openTestStore and deletes their files (call from afterAll). */
export async function closeTestStores(): Promise<void> {
  const opened = openStores.splice(0);
  await Promise.all(opened.map(({ store }) => store.close()));
  for (const { dataDir } of opened) rmSync(dataDir, { recursive: true, force: true });
}

export interface PlatformHarness {
  config: ShopifyAppConfig;
  fakeShop: FakeShop;
  shopify: ShopifyApi;
  store: TestStore;
  sessions: OfflineSessionManager;
  /** The shop's Admin API on the fake clock. */
  graphql: AdminGraphql;
  clock: FakeClock;
  /** Stores an expiring offline session issued by the fake shop, as if the app were installed. */
  install(options?: { expiresAt?: number }): Promise<Session>;
}

/** A fake shop on `server`, the real shopify-api instance, a store, and platform-client wired together. */
export async function startPlatformHarness(
  server: Pick<SetupServer, 'use'>,
  options: {
    shop?: Partial<FakeShopOptions>;
    config?: Partial<ShopifyAppConfigInput>;
    maxThrottleRetries?: number;
  } = {},
): Promise<PlatformHarness> {
  const clock = new FakeClock();
  const config = testConfig(options.config);
  const fakeShop = createFakeShop({
    shop: TEST_SHOP,
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    now: clock.now,
    ...options.shop,
  });
  server.use(...fakeShop.handlers);
  const shopify = createShopifyApi(config);
  const store = await openTestStore();
  const sessions = createOfflineSessionManager({ shopify, store });
  const graphql = createAdminGraphql({
    sessions,
    sleep: clock.sleep,
    now: clock.now,
    ...(options.maxThrottleRetries === undefined ? {} : { maxThrottleRetries: options.maxThrottleRetries }),
  })(TEST_SHOP);
  return {
    config,
    fakeShop,
    shopify,
    store,
    sessions,
    graphql,
    clock,
    async install({ expiresAt } = {}) {
      const grant = fakeShop.grantOfflineToken({ expiring: true });
      const session = new Session({
        id: `offline_${TEST_SHOP}`,
        shop: TEST_SHOP,
        state: '',
        isOnline: false,
        accessToken: grant.access_token,
        scope: grant.scope,
        expires: new Date(expiresAt ?? Date.now() + (grant.expires_in ?? 3600) * 1000),
        refreshToken: grant.refresh_token!,
        refreshTokenExpires: new Date(Date.now() + (grant.refresh_token_expires_in ?? 0) * 1000),
      });
      await store.sessions.storeSession(session);
      return session;
    },
  };
}

/** The ShopifyPlatformError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ShopifyPlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ShopifyPlatformError.isInstance(error)).toBe(true);
  return error as ShopifyPlatformError;
}
