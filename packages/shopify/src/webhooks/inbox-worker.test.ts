import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../app-logger';
import { openShopifyStore } from '../storage/open-shopify-store';
import type { ShopifyStore } from '../storage/shopify-store';
import { createInboxWorker, type InboxHandler } from './inbox-worker';

let dir: string;
let store: ShopifyStore;
afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  let t = Date.now();
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  dir = mkdtempSync(join(tmpdir(), 'karvon-inbox-worker-'));
  store = await openShopifyStore({ dataDir: dir, now: clock.now });
  return clock;
}

const insert = (eventId: string) =>
  store.inbox.insert({
    shop: 'a.myshopify.com',
    eventId,
    topic: 'orders/create',
    webhookId: null,
    apiVersion: null,
    payload: '{"id":1}',
  });

describe('the inbox worker', () => {
  it('completes what its handler finishes, with the payload parsed', async () => {
    await setup();
    const seen: unknown[] = [];
    const worker = createInboxWorker({
      store,
      logger: silentLogger,
      resolveHandler: () => async (_e, p) => void seen.push(p),
    });
    await insert('ok-1');
    expect(await worker.runOnce()).toBe(1);
    expect(seen).toEqual([{ id: 1 }]);
    expect((await store.inbox.counts()).done).toBe(1);
  });

  it('retries a failing handler with backoff and marks the event failed after the last attempt', async () => {
    const clock = await setup();
    let calls = 0;
    const failing: InboxHandler = async () => {
      calls += 1;
      throw new Error('gateway down');
    };
    const worker = createInboxWorker({
      store,
      logger: silentLogger,
      resolveHandler: () => failing,
      maxAttempts: 3,
      backoffMs: (attempts) => attempts * 1_000,
      now: clock.now,
    });
    await insert('retry-1');
    await worker.runOnce();
    expect(await worker.runOnce()).toBe(0); // not due yet
    clock.advance(1_000);
    await worker.runOnce();
    clock.advance(2_000);
    await worker.runOnce();
    expect(calls).toBe(3);
    expect(await store.inbox.counts()).toMatchObject({ pending: 0, failed: 1 });
  });

  it('gives up, without running it again, on an event whose process kept stopping mid-way', async () => {
    const clock = await setup();
    let calls = 0;
    const worker = createInboxWorker({
      store,
      logger: silentLogger,
      resolveHandler: () => async () => {
        calls += 1;
      },
      maxAttempts: 2,
      leaseMs: 1_000,
      now: clock.now,
    });
    await insert('poison-1');
    // Two processes took it and died (claims whose leases ran out).
    await store.inbox.claim(1, 1_000);
    clock.advance(1_001);
    await store.inbox.claim(1, 1_000);
    clock.advance(1_001);
    await worker.runOnce();
    expect(calls).toBe(0);
    expect(await store.inbox.counts()).toMatchObject({ processing: 0, failed: 1 });
  });
});
