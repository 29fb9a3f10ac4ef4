import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../test-utils/src/index';
import { withInternal } from '../internal/internal-options';
import { Transport } from '../internal/transport';
import type { Page } from './page';

interface Item {
  n: number;
}

// A scripted paged route: 5 items, 2 per page, the cursor is the next offset.
const ITEMS: Item[] = [1, 2, 3, 4, 5].map((n) => ({ n }));

let server: ScriptedServer;
let transport: Transport;

beforeEach(async () => {
  server = await startScriptedServer();
  server.route('GET', '/items', (request) => {
    const offset = Number(request.query.get('cursor') ?? '0');
    const next = offset + 2 < ITEMS.length ? String(offset + 2) : null;
    return { body: { data: ITEMS.slice(offset, offset + 2), nextCursor: next } };
  });
  const options = withInternal({ apiKey: 'kv_test_x', baseUrl: server.url }, { sleep: async () => {} });
  transport = new Transport(options, { sleep: async () => {} });
});
afterEach(async () => {
  await server.close();
});

const list = (query: Record<string, string | number> = {}) =>
  transport.requestPage<Item>({ method: 'GET', path: '/items', query });

describe('PagePromise', () => {
  it('iterates every item across pages with for await', async () => {
    const seen: number[] = [];
    for await (const item of list()) seen.push(item.n);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((request) => request.url)).toEqual(['/items', '/items?cursor=2', '/items?cursor=4']);
  });

  it('resolves to the first page, which knows whether there is another', async () => {
    const page = await list();
    expect(page.data).toEqual([{ n: 1 }, { n: 2 }]);
    expect(page.nextCursor).toBe('2');
    expect(page.hasNextPage()).toBe(true);
    const second = await page.getNextPage();
    expect(second.data).toEqual([{ n: 3 }, { n: 4 }]);
  });

  it('walks pages with pages()', async () => {
    const sizes: number[] = [];
    for await (const page of list().pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fetches pages lazily: stopping early requests no more', async () => {
    for await (const item of list()) {
      if (item.n === 2) break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the query of the first request on later pages', async () => {
    const pages: Page<Item>[] = [];
    for await (const page of list({ limit: 2 }).pages()) pages.push(page);
    expect(server.requests.map((request) => request.query.get('limit'))).toEqual(['2', '2', '2']);
  });

  it('gives the first page with its response through withResponse()', async () => {
    const { data, response } = await list().withResponse();
    expect(response.status).toBe(200);
    expect(data.data).toHaveLength(2);
  });

  it('refuses getNextPage() on the last page', async () => {
    const pages: Page<Item>[] = [];
    for await (const page of list().pages()) pages.push(page);
    const last = pages.at(-1)!;
    expect(last.hasNextPage()).toBe(false);
    expect(() => last.getNextPage()).toThrow(/No next page/);
  });
});
