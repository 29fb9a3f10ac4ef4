import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../test-utils/src/index';
import { NotFoundError } from '../errors/status-errors';
import { APIPromise } from './api-promise';
import { Karvon } from './karvon';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

const BALANCE = { balance: { amount: 150000, currency: 'UZS' }, ledger: [] };

describe('APIPromise', () => {
  it('resolves to the data when awaited', async () => {
    server.reply({ body: BALANCE });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    expect(await karvon.balance.get()).toEqual(BALANCE);
  });

  it('gives data, the raw response and the request id through withResponse()', async () => {
    server.reply({ headers: { 'Karvon-Request-Id': 'req_abc', 'X-Extra': 'yes' }, body: BALANCE });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    const { data, response, requestId } = await karvon.balance.get().withResponse();
    expect(data).toEqual(BALANCE);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(requestId).toBe('req_abc');
  });

  it('puts the request id header on errors', async () => {
    server.route('GET', '/balance', {
      status: 404,
      headers: { 'X-Request-Id': 'req_404' },
      body: { code: 'not_found', status: 404 },
    });
    const karvon = new Karvon({ apiKey: 'kv_test_x', baseUrl: server.url });
    await expect(karvon.balance.get()).rejects.toMatchObject({ name: 'NotFoundError', requestId: 'req_404' });
    await expect(karvon.balance.get()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('behaves as a promise for then/catch/finally', async () => {
    const ok = new APIPromise(Promise.resolve({ data: 1, response: new Response(), requestId: undefined }));
    expect(await ok.then((n) => n + 1)).toBe(2);
    let finished = false;
    await ok.finally(() => {
      finished = true;
    });
    expect(finished).toBe(true);
    const failing = new APIPromise<number>(Promise.reject(new Error('boom')));
    expect(await failing.catch((error: unknown) => (error as Error).message)).toBe('boom');
    expect(Object.prototype.toString.call(ok)).toBe('[object APIPromise]');
  });
});
