import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineSessionManager } from './offline-session-manager';
import {
  closeTestStores,
  openTestStore,
  rejection,
  startPlatformHarness,
  TEST_SHOP,
} from './test-support/platform-harness';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

describe('getOfflineSession', () => {
  it('returns a fresh stored session without calling Shopify', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install();
    const session = await h.sessions.getOfflineSession(TEST_SHOP);
    expect(session.accessToken).toBe(installed.accessToken);
    expect(h.fakeShop.requests).toHaveLength(0);
  });

  it('refreshes an access token that expires within five minutes and stores the rotated pair', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install({ expiresAt: Date.now() + 4 * 60_000 });
    const session = await h.sessions.getOfflineSession(TEST_SHOP);

    expect(h.fakeShop.count('refresh_token')).toBe(1);
    expect(session.accessToken).not.toBe(installed.accessToken);
    expect(session.refreshToken).not.toBe(installed.refreshToken);
    const stored = await h.store.sessions.loadOfflineSession(TEST_SHOP);
    expect(stored?.accessToken).toBe(session.accessToken);
    expect(stored?.refreshToken).toBe(session.refreshToken);
  });

  it('refreshes an expired token once when two processes ask at the same time', async () => {
    const h = await startPlatformHarness(server);
    // Two processes: two store instances on one database, each with its own manager.
    const database = randomUUID();
    const storeA = await openTestStore(database);
    const storeB = await openTestStore(database);
    const managerA = createOfflineSessionManager({ shopify: h.shopify, store: storeA });
    const managerB = createOfflineSessionManager({ shopify: h.shopify, store: storeB });
    const grant = h.fakeShop.grantOfflineToken();
    const installed = await h.install({ expiresAt: Date.now() - 1000 });
    await storeA.sessions.storeSession(installed);
    expect(grant.access_token).not.toBe(installed.accessToken);

    const [a, b, c] = await Promise.all([
      managerA.getOfflineSession(TEST_SHOP),
      managerB.getOfflineSession(TEST_SHOP),
      managerA.getOfflineSession(TEST_SHOP),
    ]);

    expect(h.fakeShop.count('refresh_token')).toBe(1);
    expect(h.fakeShop.count('oauth_rejected')).toBe(0);
    expect(b.accessToken).toBe(a.accessToken);
    expect(c.accessToken).toBe(a.accessToken);
    expect(h.fakeShop.isAccessTokenValid(a.accessToken!)).toBe(true);
  });

  it('refreshes after a 401 even when the token looked fresh, once per rejected token', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install();
    const [first, second] = await Promise.all([
      h.sessions.getOfflineSession(TEST_SHOP, { rejectedAccessToken: installed.accessToken! }),
      h.sessions.getOfflineSession(TEST_SHOP, { rejectedAccessToken: installed.accessToken! }),
    ]);
    expect(h.fakeShop.count('refresh_token')).toBe(1);
    expect(second.accessToken).toBe(first.accessToken);
    expect(first.accessToken).not.toBe(installed.accessToken);
  });

  it('says reauthorization_required when Shopify refuses the refresh token', async () => {
    const h = await startPlatformHarness(server);
    await h.install({ expiresAt: Date.now() - 1000 });
    h.fakeShop.grantOfflineToken(); // revokes the stored pair
    const error = await rejection(h.sessions.getOfflineSession(TEST_SHOP));

    expect(error.code).toBe('reauthorization_required');
    expect(error.status).toBe(401);
    expect(error.shopifyCodes).toEqual(['invalid_grant']);
    expect(error.message).not.toMatch(/shprt_|shpat_/);
  });

  it('says reauthorization_required without calling Shopify when the refresh token has expired', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install({ expiresAt: Date.now() - 1000 });
    installed.refreshTokenExpires = new Date(Date.now() - 1000);
    await h.store.sessions.storeSession(installed);

    const error = await rejection(h.sessions.getOfflineSession(TEST_SHOP));
    expect(error.code).toBe('reauthorization_required');
    expect(h.fakeShop.requests).toHaveLength(0);
  });

  it('says not_installed for a shop without a stored session', async () => {
    const h = await startPlatformHarness(server);
    const error = await rejection(h.sessions.getOfflineSession('never-installed.myshopify.com'));
    expect(error.code).toBe('not_installed');
  });
});
