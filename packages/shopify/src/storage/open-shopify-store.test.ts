import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_FILE_NAME, openShopifyStore } from './open-shopify-store';

const dir = mkdtempSync(join(tmpdir(), 'karvon-shopify-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openShopifyStore', () => {
  it('creates karvon-shopify.sqlite under a dataDir it creates, without a database URL', async () => {
    const dataDir = join(dir, 'a', 'b');
    const store = await openShopifyStore({ dataDir });
    try {
      expect(store.dialect).toBe('sqlite');
      expect(DEFAULT_SQLITE_FILE_NAME).toBe('karvon-shopify.sqlite');
      expect(existsSync(join(dataDir, 'karvon-shopify.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('stamps rows with the clock it is given', async () => {
    const store = await openShopifyStore({ fileName: ':memory:', now: () => 1_700_000_000_123 });
    try {
      const { event } = await store.inbox.insert({
        shop: 'a.myshopify.com',
        eventId: 'e',
        topic: 'orders/create',
        webhookId: null,
        apiVersion: null,
        payload: '{}',
      });
      expect(event.receivedAt).toBe(1_700_000_000_123);
      expect(existsSync(join(process.cwd(), ':memory:'))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('keeps separate in-memory databases apart', async () => {
    const [a, b] = await Promise.all([
      openShopifyStore({ fileName: ':memory:' }),
      openShopifyStore({ fileName: ':memory:' }),
    ]);
    try {
      await a.settings.putTemplate({ shop: 's.myshopify.com', kind: 'shipping', locale: 'en', body: 'x' });
      expect(await b.settings.listTemplates('s.myshopify.com')).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('can be closed twice', async () => {
    const store = await openShopifyStore({ fileName: ':memory:' });
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
