import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiptCounter } from './receipt-counter.mjs';

function call(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    });
    req.once('error', reject);
    req.end(body);
  });
}

describe('startReceiptCounter', () => {
  let counter;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('counts every callback by default, GET or POST with a body, and answers 200', async () => {
    counter = await startReceiptCounter();
    expect(counter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/receipts$/);
    expect(await call(`${counter.url}?type=1`)).toBe(200);
    expect(await call(counter.url, { method: 'POST', body: JSON.stringify({ status: 'delivered' }) })).toBe(200);
    expect(counter.count()).toBe(2);
    expect(counter.ignored()).toBe(0);
  });

  it('counts only what accept() takes and reports the rest as ignored', async () => {
    counter = await startReceiptCounter({ accept: (url) => url.searchParams.get('type') === '1' });
    await call(`${counter.url}?type=1`);
    await call(`${counter.url}?type=2`);
    await call(`${counter.url}?type=1`);
    expect(counter.count()).toBe(2);
    expect(counter.ignored()).toBe(1);
  });

  it('stops listening on close(), even with a keep-alive connection open', async () => {
    counter = await startReceiptCounter();
    const { url } = counter;
    await (await fetch(url)).text();
    await counter.close();
    counter = undefined;
    await expect(call(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
