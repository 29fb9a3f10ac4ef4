import { Session } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifyStore } from '../shopify-store';

/**
 * Shopify's session-storage battery, rewritten for vitest (it is not published on npm). Every case of
 * Shopify/shopify-app-js packages/apps/session-storage/shopify-app-session-storage-test-utils/src/battery-of-tests.ts
 * at commit ef2043d4a8c4ca0adb9020d76090b2fb94979dab is here under the same name, then our own
 * cases for what the app relies on beyond it (milliseconds, offline sessions per shop, overwrites).
 */
const testScopes = ['test_scope'];

type SessionParams = ConstructorParameters<typeof Session>[0];
type OnlineAccessInfo = NonNullable<Session['onlineAccessInfo']>;

/** Same session set, whatever the order (upstream's sessionArraysEqual). */
function sameSessions(actual: Session[], expected: Session[]): boolean {
  return actual.length === expected.length && actual.every((a) => expected.some((e) => a.equals(e)));
}

function inAnHour(): Date {
  const date = new Date();
  date.setMilliseconds(0);
  date.setMinutes(date.getMinutes() + 60);
  return date;
}

export function sessionBattery(name: string, open: () => Promise<ShopifyStore>): void {
  describe(`SessionStorage conformance: ${name}`, () => {
    let store: ShopifyStore;
    let storage: ShopifyStore['sessions'];
    // Shops of their own, so a battery run never meets rows of an earlier one.
    const run = crypto.randomUUID().slice(0, 8);
    const shopName = (label: string) => `${label}-${run}.myshopify.io`;

    beforeAll(async () => {
      store = await open();
      storage = store.sessions;
    });
    afterAll(async () => {
      await store?.close();
    });

    async function roundTrip(session: Session): Promise<void> {
      await expect(storage.storeSession(session)).resolves.toBe(true);
      const stored = await storage.loadSession(session.id);
      expect(stored).toBeInstanceOf(Session);
      expect(session.equals(stored)).toBe(true);
      expect(stored?.isActive(testScopes)).toBe(true);
      await expect(storage.deleteSession(session.id)).resolves.toBe(true);
      await expect(storage.loadSession(session.id)).resolves.toBeUndefined();
      // Deleting a session that is not there still succeeds.
      await expect(storage.deleteSession(session.id)).resolves.toBe(true);
    }

    describe("Shopify's battery", () => {
      it('can store and delete all kinds of sessions', async () => {
        const id = 'test_session';
        const base = { id, shop: 'shop', state: 'state', isOnline: false, scope: testScopes.toString() };
        const sessions = [
          new Session({ ...base, accessToken: '123' }),
          new Session({ ...base, expires: inAnHour(), accessToken: '123' }),
          // Upstream passes explicit null and undefined, which the strict types refuse without a cast.
          new Session({ ...base, expires: null as unknown as Date, accessToken: '123' }),
          new Session({ ...base, expires: undefined, accessToken: '123' } as unknown as SessionParams),
        ];
        // Upstream runs its four factories twice: the second pass stores over deleted ids.
        for (const session of [...sessions, ...sessions]) await roundTrip(session);
      });

      it('can store sessions with unexpected fields', async () => {
        const session = new Session({ id: 'test_session', shop: 'shop', state: 'state', isOnline: false });
        (session as Session & { someField: string }).someField = 'lol';
        await expect(storage.storeSession(session)).resolves.toBe(true);
        const stored = await storage.loadSession('test_session');
        expect(session.equals(stored)).toBe(true);
      });

      it('can store and delete sessions with user info', async () => {
        await roundTrip(
          new Session({
            id: 'test_session',
            shop: 'shop',
            state: 'state',
            isOnline: true,
            scope: testScopes.toString(),
            accessToken: '123',
            onlineAccessInfo: {
              associated_user: {
                id: 123,
                first_name: 'first',
                last_name: 'last',
                email: 'email@email.com',
                account_owner: true,
                locale: 'en',
                collaborator: false,
                email_verified: true,
              },
            } as OnlineAccessInfo,
          }),
        );
      });

      it('wrong ids return null sessions', async () => {
        await expect(storage.loadSession('not_a_session_id')).resolves.toBeUndefined();
      });

      it('can find all the sessions for a given shop', async () => {
        const shop1 = shopName('find-shop1-sessions');
        const sessions = [
          new Session({ id: `find_sessions_1_${run}`, shop: shop1, state: 'state', isOnline: false }),
          new Session({
            id: `find_sessions_2_${run}`,
            shop: shopName('do-not-find-shop2'),
            state: 'state',
            isOnline: false,
          }),
          new Session({ id: `find_sessions_3_${run}`, shop: shop1, state: 'state', isOnline: false }),
          new Session({
            id: `find_sessions_4_${run}`,
            shop: shopName('do-not-find-shop3'),
            state: 'state',
            isOnline: false,
          }),
        ];
        for (const session of sessions) await expect(storage.storeSession(session)).resolves.toBe(true);
        const found = await storage.findSessionsByShop(shop1);
        expect(found).toHaveLength(2);
        expect(sameSessions(found, [sessions[0]!, sessions[2]!])).toBe(true);
      });

      it('can delete the sessions for a given array of ids', async () => {
        const shop1 = shopName('delete-shop1-sessions');
        const sessions = [
          new Session({ id: `delete_sessions_1_${run}`, shop: shop1, state: 'state', isOnline: false }),
          new Session({
            id: `delete_sessions_2_${run}`,
            shop: shopName('do-not-delete-shop2'),
            state: 'state',
            isOnline: false,
          }),
          new Session({ id: `delete_sessions_3_${run}`, shop: shop1, state: 'state', isOnline: false }),
          new Session({
            id: `delete_sessions_4_${run}`,
            shop: shopName('do-not-delete-shop3'),
            state: 'state',
            isOnline: false,
          }),
        ];
        for (const session of sessions) await expect(storage.storeSession(session)).resolves.toBe(true);
        const found = await storage.findSessionsByShop(shop1);
        expect(found).toHaveLength(2);
        await expect(storage.deleteSessions(found.map((s) => s.id))).resolves.toBe(true);
        await expect(storage.findSessionsByShop(shop1)).resolves.toEqual([]);
        // The other shops' sessions are still there.
        expect(sameSessions(await storage.findSessionsByShop(shopName('do-not-delete-shop2')), [sessions[1]!])).toBe(
          true,
        );
      });

      it('can store sessions with scope longer than 255 chars', async () => {
        const session = new Session({
          id: 'test_session',
          shop: 'shop',
          state: 'state',
          isOnline: false,
          scope:
            'unauthenticated_read_product_listings,unauthenticated_write_checkouts,unauthenticated_write_customers,unauthenticated_read_customer_tags,unauthenticated_read_content,unauthenticated_read_product_tags,read_orders,read_products,read_script_tags,write_script_tags,read_legal_policies',
        });
        await expect(storage.storeSession(session)).resolves.toBe(true);
        expect(session.equals(await storage.loadSession('test_session'))).toBe(true);
      });

      it('can store and delete sessions with refresh tokens', async () => {
        const id = 'test_refresh_token_session';
        const withRefreshToken = new Session({
          id,
          shop: 'shop',
          state: 'state',
          isOnline: false,
          scope: testScopes.toString(),
          accessToken: 'access_token_123',
          refreshToken: 'refresh_token_456',
        });
        await expect(storage.storeSession(withRefreshToken)).resolves.toBe(true);
        let stored = await storage.loadSession(id);
        expect(withRefreshToken.equals(stored)).toBe(true);
        expect(stored?.refreshToken).toBe('refresh_token_456');
        expect(stored?.refreshTokenExpires).toBeUndefined();

        const refreshTokenExpires = new Date();
        refreshTokenExpires.setMilliseconds(0);
        refreshTokenExpires.setDate(refreshTokenExpires.getDate() + 30);
        const withExpiry = new Session({
          id,
          shop: 'shop',
          state: 'state',
          isOnline: false,
          scope: testScopes.toString(),
          accessToken: 'access_token_789',
          refreshToken: 'refresh_token_abc',
          refreshTokenExpires,
        });
        await expect(storage.storeSession(withExpiry)).resolves.toBe(true);
        stored = await storage.loadSession(id);
        expect(withExpiry.equals(stored)).toBe(true);
        expect(stored?.refreshToken).toBe('refresh_token_abc');
        expect(stored?.refreshTokenExpires).toEqual(refreshTokenExpires);

        await expect(storage.deleteSession(id)).resolves.toBe(true);
        await expect(storage.loadSession(id)).resolves.toBeUndefined();
      });
    });

    describe('what the app relies on beyond it', () => {
      it('keeps both expiry dates to the millisecond', async () => {
        const shop = shopName('ms');
        const session = new Session({
          id: `offline_${shop}`,
          shop,
          state: '',
          isOnline: false,
          accessToken: 'shpat_x',
          expires: new Date(Date.UTC(2031, 4, 6, 7, 8, 9, 123)),
          refreshToken: 'shprt_x',
          refreshTokenExpires: new Date(Date.UTC(2031, 5, 6, 7, 8, 9, 987)),
        });
        await storage.storeSession(session);
        const stored = await storage.loadSession(session.id);
        expect(session.equals(stored)).toBe(true);
        expect(stored?.expires?.getTime()).toBe(Date.UTC(2031, 4, 6, 7, 8, 9, 123));
        expect(stored?.refreshTokenExpires?.getTime()).toBe(Date.UTC(2031, 5, 6, 7, 8, 9, 987));
      });

      it('gives back unexpected fields, and an online user in full', async () => {
        const shop = shopName('extra');
        const onlineAccessInfo = {
          expires_in: 86_399,
          associated_user_scope: 'read_orders',
          associated_user: { id: 42, first_name: 'Ada', email: 'ada@example.com', account_owner: false },
        } as OnlineAccessInfo;
        const session = new Session({ id: `${shop}_42`, shop, state: 's', isOnline: true, onlineAccessInfo });
        Object.assign(session, { plan: { name: 'basic', seats: 3 }, tag: 'x' });
        await storage.storeSession(session);
        const stored = await storage.loadSession(session.id);
        expect(stored).toMatchObject({ plan: { name: 'basic', seats: 3 }, tag: 'x' });
        expect(stored?.onlineAccessInfo).toEqual(onlineAccessInfo);
      });

      it('replaces a session stored again under the same id, fields removed included', async () => {
        const shop = shopName('replace');
        const id = `offline_${shop}`;
        await storage.storeSession(
          new Session({ id, shop, state: '', isOnline: false, accessToken: 'old', refreshToken: 'r', scope: 'a' }),
        );
        const replacement = new Session({ id, shop, state: '', isOnline: false, accessToken: 'new', scope: 'a,b' });
        await storage.storeSession(replacement);
        const stored = await storage.loadSession(id);
        expect(replacement.equals(stored)).toBe(true);
        expect(stored?.refreshToken).toBeUndefined();
      });

      it("loads a shop's offline session and deletes every session of a shop", async () => {
        const shop = shopName('offline');
        const other = shopName('offline-other');
        const offline = new Session({ id: `offline_${shop}`, shop, state: '', isOnline: false, accessToken: 't' });
        await storage.storeSession(offline);
        await storage.storeSession(new Session({ id: `${shop}_1`, shop, state: '', isOnline: true, accessToken: 'u' }));
        await storage.storeSession(new Session({ id: `offline_${other}`, shop: other, state: '', isOnline: false }));

        expect(offline.equals(await storage.loadOfflineSession(shop))).toBe(true);
        await expect(storage.loadOfflineSession(shopName('never-installed'))).resolves.toBeUndefined();
        await expect(storage.deleteShopSessions(shop)).resolves.toBe(2);
        await expect(storage.findSessionsByShop(shop)).resolves.toEqual([]);
        await expect(storage.deleteShopSessions(shop)).resolves.toBe(0);
        expect(await storage.loadOfflineSession(other)).toBeInstanceOf(Session);
      });

      it('deletes no session for an empty list of ids', async () => {
        const shop = shopName('empty-delete');
        await storage.storeSession(new Session({ id: `offline_${shop}`, shop, state: '', isOnline: false }));
        await expect(storage.deleteSessions([])).resolves.toBe(true);
        expect(await storage.loadOfflineSession(shop)).toBeDefined();
      });
    });
  });
}
