import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeUnless } from '@karvon/test-utils';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import { afterAll, describe, expect, it } from 'vitest';
import { openShopifyStore } from '../open-shopify-store';
import {
  dropTestSchema,
  postgresTestUrl,
  postgresUnavailable,
  testSchemaName,
} from '../postgres/postgres-test-database';
import type { ShopifyStore } from '../shopify-store';

// Shopify's own session-storage battery (shopify-app-session-storage-test-utils) is not published
// to npm. Where a snapshot of Shopify/shopify-app-js is on the machine, its battery is extracted
// at test time (into the git-ignored .upstream/, never committed) and run, unchanged, against our
// storage on both databases. Elsewhere our own battery (session-battery.ts) covers its cases.
const MIRROR = process.env.KARVON_SHOPIFY_APP_JS_GIT_DIR ?? '/work/.mirror/Shopify+shopify-app-js/repo';
const BATTERY_DIR = 'packages/apps/session-storage/shopify-app-session-storage-test-utils/src';
const target = join(import.meta.dirname, '..', '..', '..', '.upstream', 'session-storage-battery');

function extractBattery(): string | false {
  if (!existsSync(MIRROR)) {
    return `no snapshot of Shopify/shopify-app-js at ${MIRROR} (set KARVON_SHOPIFY_APP_JS_GIT_DIR); session-battery.ts covers its cases`;
  }
  try {
    mkdirSync(target, { recursive: true });
    for (const file of ['battery-of-tests.ts', 'session-test-utils.ts']) {
      const source = execFileSync('git', ['--git-dir', MIRROR, 'show', `HEAD:${BATTERY_DIR}/${file}`], {
        encoding: 'utf8',
      });
      writeFileSync(join(target, file), source);
    }
    return false;
  } catch (error) {
    return `could not read the battery from ${MIRROR}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const reason = extractBattery();
const opened: ShopifyStore[] = [];
afterAll(async () => {
  for (const store of opened.splice(0)) await store.close();
});
const track = (store: ShopifyStore) => {
  opened.push(store);
  return store;
};
// The upstream battery is written for Jest's globals.
Object.assign(globalThis, { it, expect });
const upstream = reason
  ? undefined
  : ((await import(pathToFileURL(join(target, 'battery-of-tests.ts')).href)) as {
      batteryOfTests(factory: () => Promise<SessionStorage>): void;
    });

describeUnless(reason)("Shopify's own session-storage battery", () => {
  const dir = mkdtempSync(join(tmpdir(), 'karvon-shopify-upstream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  describe('on SQLite', () => {
    upstream?.batteryOfTests(async () => {
      n += 1;
      return track(await openShopifyStore({ dataDir: dir, fileName: `upstream-${n}.sqlite` })).sessions;
    });
  });
});

const url = postgresTestUrl();
const pgReason = reason || (await postgresUnavailable(url));
const schema = testSchemaName('upstream');
describeUnless(pgReason)("Shopify's own session-storage battery on PostgreSQL", () => {
  afterAll(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dropTestSchema(url, schema);
  });
  upstream?.batteryOfTests(async () => {
    const store = track(await openShopifyStore({ databaseUrl: url, schema }));
    // Each case starts from an empty table, as upstream's own PostgreSQL runs do.
    const sessions = await store.sessions.findSessionsByShop('shop');
    await store.sessions.deleteSessions(sessions.map((session) => session.id));
    return store.sessions;
  });
});
