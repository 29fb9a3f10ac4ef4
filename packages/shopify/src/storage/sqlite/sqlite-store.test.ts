import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionBattery } from '../conformance/session-battery';
import { storeBattery } from '../conformance/store-battery';
import { openShopifyStore } from '../open-shopify-store';
import { createSqlStore } from '../sql/create-sql-store';
import { openSqliteDatabase } from './open-sqlite-database';

const dir = mkdtempSync(join(tmpdir(), 'karvon-shopify-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real file, opened again for every instance the batteries ask for (as a second process would).
storeBattery('sqlite', (options) => openShopifyStore({ dataDir: dir, fileName: 'store.sqlite', ...options }));
sessionBattery('sqlite', () => openShopifyStore({ dataDir: dir, fileName: 'sessions.sqlite' }));
sessionBattery('sqlite in memory', () => openShopifyStore({ fileName: ':memory:' }));

describe('SQLite store file', () => {
  it('opens the file under dataDir with WAL and synchronous=FULL', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const db = openSqliteDatabase({ file: join(dataDir, 'karvon-shopify.sqlite'), now: Date.now });
    try {
      expect(db.handle.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.handle.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
      expect(db.handle.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 5_000 });
      expect(existsSync(join(dataDir, 'karvon-shopify.sqlite'))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('migrates once and keeps the data across reopenings', async () => {
    const file = join(dir, 'reopen.sqlite');
    const first = createSqlStore(openSqliteDatabase({ file, now: Date.now }), Date.now);
    await first.settings.putTemplate({ shop: 'a.myshopify.com', kind: 'shipping', locale: 'uz', body: 'Yuborildi' });
    await first.close();
    const second = openSqliteDatabase({ file, now: Date.now });
    try {
      expect(await second.all('SELECT id FROM shopify_migrations')).toEqual([{ id: '0001_initial' }]);
      expect(await createSqlStore(second, Date.now).settings.listTemplates('a.myshopify.com')).toMatchObject([
        { body: 'Yuborildi' },
      ]);
    } finally {
      await second.close();
    }
  });

  it('takes over a lock whose holder crashed once its lease runs out', async () => {
    const file = join(dir, 'crashed-lock.sqlite');
    let t = Date.now();
    const store = createSqlStore(openSqliteDatabase({ file, now: () => t, lockLeaseMs: 30_000 }), () => t);
    // A process that took the lease and died: nobody deletes or renews its row.
    const crashed = new DatabaseSync(file);
    crashed
      .prepare('INSERT INTO shopify_locks (name, holder, expires_at) VALUES (?, ?, ?)')
      .run('refresh:x', 'dead', t + 30_000);
    crashed.close();
    try {
      let ran = false;
      const waiting = store.withLock('refresh:x', async () => {
        ran = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).toBe(false);
      t += 30_000;
      await waiting;
      expect(ran).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('renews a lease while long work runs, so nobody takes it over', async () => {
    const file = join(dir, 'renewed-lock.sqlite');
    let t = Date.now();
    const clock = () => t;
    const holder = createSqlStore(openSqliteDatabase({ file, now: clock, lockLeaseMs: 60 }), clock);
    const rival = createSqlStore(openSqliteDatabase({ file, now: clock, lockLeaseMs: 60 }), clock);
    try {
      let rivalRan = false;
      let finish!: () => void;
      const held = holder.withLock('long', () => new Promise<void>((resolve) => (finish = resolve)));
      await new Promise((resolve) => setTimeout(resolve, 10));
      const waiting = rival.withLock('long', async () => {
        rivalRan = true;
      });
      // Move the clock 40 ms per 40 ms: the holder's renewals (every 20 ms) keep the lease ahead.
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        t += 40;
      }
      expect(rivalRan).toBe(false);
      finish();
      await held;
      await waiting;
      expect(rivalRan).toBe(true);
    } finally {
      await holder.close();
      await rival.close();
    }
  });
});
