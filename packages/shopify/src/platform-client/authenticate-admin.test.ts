import { mintSessionToken } from '@karvon/test-utils';
import { Session } from '@shopify/shopify-api';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticateAdmin } from './authenticate-admin';
import {
  closeTestStores,
  rejection,
  startPlatformHarness,
  TEST_API_KEY,
  TEST_API_SECRET,
  TEST_SHOP,
} from './test-support/platform-harness';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
afterAll(closeTestStores);

function adminRequest(token?: string): Request {
  return new Request('https://app.karvon.example/admin/api/settings', {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

const validToken = () => mintSessionToken({ shop: TEST_SHOP, apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET });

describe('authenticateAdmin', () => {
  it('exchanges the session token for an expiring offline token and stores the session', async () => {
    const h = await startPlatformHarness(server);
    const authenticate = createAuthenticateAdmin(h);

    const context = await authenticate(
      adminRequest(
        mintSessionToken({
          shop: TEST_SHOP,
          apiKey: TEST_API_KEY,
          apiSecret: TEST_API_SECRET,
          userId: '902541635',
        }),
      ),
    );

    expect(context.shop).toBe(TEST_SHOP);
    expect(context.userId).toBe('902541635');
    expect(h.fakeShop.count('token_exchange', 'offline')).toBe(1);
    const stored = await h.store.sessions.loadOfflineSession(TEST_SHOP);
    expect(stored?.accessToken).toBe(context.session.accessToken);
    expect(stored?.refreshToken).toMatch(/^shprt_/);
    // Expiring: about an hour, with a refresh token good for ~90 days.
    expect(stored!.expires!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(stored!.refreshTokenExpires!.getTime() - Date.now()).toBeGreaterThan(89 * 24 * 3600_000);
    expect(h.fakeShop.isAccessTokenValid(stored!.accessToken!)).toBe(true);
  });

  it('reuses a fresh stored session without calling Shopify', async () => {
    const h = await startPlatformHarness(server);
    const authenticate = createAuthenticateAdmin(h);
    const first = await authenticate(adminRequest(validToken()));
    const second = await authenticate(adminRequest(validToken()));

    expect(second.session.accessToken).toBe(first.session.accessToken);
    expect(h.fakeShop.count('token_exchange')).toBe(1);
    expect(h.fakeShop.count('refresh_token')).toBe(0);
  });

  it('refreshes a session about to expire instead of exchanging again', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install({ expiresAt: Date.now() + 60_000 });
    const context = await createAuthenticateAdmin(h)(adminRequest(validToken()));

    expect(h.fakeShop.count('refresh_token')).toBe(1);
    expect(h.fakeShop.count('token_exchange')).toBe(0);
    expect(context.session.accessToken).not.toBe(installed.accessToken);
    expect(h.fakeShop.isAccessTokenValid(context.session.accessToken!)).toBe(true);
  });

  it('falls back to token exchange when Shopify refuses the refresh token', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install({ expiresAt: Date.now() - 1000 });
    h.fakeShop.grantOfflineToken(); // revokes the installed pair, as a reinstall elsewhere would
    const context = await createAuthenticateAdmin(h)(adminRequest(validToken()));

    expect(h.fakeShop.count('oauth_rejected', 'invalid_grant')).toBe(1);
    expect(h.fakeShop.count('token_exchange')).toBe(1);
    expect(context.session.accessToken).not.toBe(installed.accessToken);
    expect(h.fakeShop.isAccessTokenValid(context.session.accessToken!)).toBe(true);
  });

  it('moves a legacy non-expiring offline token to an expiring one', async () => {
    const h = await startPlatformHarness(server);
    const installed = await h.install();
    const legacy = new Session({
      id: installed.id,
      shop: installed.shop,
      state: '',
      isOnline: false,
      accessToken: h.fakeShop.grantOfflineToken({ expiring: false }).access_token,
    });
    await h.store.sessions.storeSession(legacy);

    const context = await createAuthenticateAdmin(h)(adminRequest(validToken()));

    expect(h.fakeShop.count('token_exchange')).toBe(1);
    expect(context.session.expires).toBeInstanceOf(Date);
    expect(context.session.refreshToken).toMatch(/^shprt_/);
  });

  it('answers 401 when the request has no session token', async () => {
    const h = await startPlatformHarness(server);
    const error = await rejection(createAuthenticateAdmin(h)(adminRequest()));
    expect(error.code).toBe('missing_session_token');
    expect(error.status).toBe(401);
  });

  it('answers 401 to an expired session token without calling Shopify', async () => {
    const h = await startPlatformHarness(server);
    const expired = mintSessionToken({
      shop: TEST_SHOP,
      apiKey: TEST_API_KEY,
      apiSecret: TEST_API_SECRET,
      expiresInS: -60,
    });
    const error = await rejection(createAuthenticateAdmin(h)(adminRequest(expired)));

    expect(error.code).toBe('invalid_session_token');
    expect(error.status).toBe(401);
    expect(h.fakeShop.requests).toHaveLength(0);
  });

  it('answers 401 to a session token signed with another secret, and does not echo it', async () => {
    const h = await startPlatformHarness(server);
    const forged = mintSessionToken({ shop: TEST_SHOP, apiKey: TEST_API_KEY, apiSecret: 'not-the-secret' });
    const error = await rejection(createAuthenticateAdmin(h)(adminRequest(forged)));

    expect(error.code).toBe('invalid_session_token');
    expect(JSON.stringify(error.toJSON())).not.toContain(forged);
    expect(error.message).not.toContain(forged.split('.')[2]);
  });

  it('answers 401 to a session token for another app', async () => {
    const h = await startPlatformHarness(server);
    const otherApp = mintSessionToken({ shop: TEST_SHOP, apiKey: 'another-app', apiSecret: TEST_API_SECRET });
    const error = await rejection(createAuthenticateAdmin(h)(adminRequest(otherApp)));
    expect(error.code).toBe('invalid_session_token');
  });
});
