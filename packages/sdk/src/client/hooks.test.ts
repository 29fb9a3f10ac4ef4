import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../test-utils/src/index';
import { withInternal } from '../internal/internal-options';
import type { RequestEvent, ResponseEvent, RetryEvent } from './hooks';
import { Karvon } from './karvon';

const KEY = 'kv_live_0123456789abcdefWXYZ';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

describe('hooks', () => {
  it('see redacted requests, responses and retries only', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const retries: RetryEvent[] = [];
    server.reply(
      { status: 503, body: { code: 'service_unavailable', status: 503 } },
      { headers: { 'Karvon-Request-Id': 'req_2' }, body: { results: [], accepted: 0, rejected: 0 } },
    );
    const karvon = new Karvon(
      withInternal(
        {
          apiKey: KEY,
          baseUrl: server.url,
          hooks: {
            onRequest: (event) => {
              requests.push(event);
            },
            onResponse: (event) => {
              responses.push(event);
            },
            onRetry: (event) => {
              retries.push(event);
            },
          },
        },
        { sleep: async () => {}, random: () => 0 },
      ),
    );
    await karvon.messages.send({ to: '+998901234567', from: '+998711234567', body: 'Your code is 1234' });

    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers.Authorization).toBe('Bearer kv_live_…WXYZ');
    expect(requests[0]?.body).toEqual({ to: '+99890*****67', from: '+99871*****67', body: '[redacted 17 chars]' });
    expect(requests.map((event) => event.attempt)).toEqual([1, 2]);
    expect(requests[0]?.idempotencyKey).toBe(requests[1]?.idempotencyKey);
    const serialised = JSON.stringify([requests, responses, retries]);
    expect(serialised).not.toContain(KEY);
    expect(serialised).not.toContain('+998901234567');
    expect(serialised).not.toContain('Your code is 1234');

    expect(responses.map((event) => event.status)).toEqual([503, 200]);
    expect(responses[1]?.requestId).toBe('req_2');
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 0 });
    expect(retries[0]?.error.name).toBe('InternalServerError');
  });

  it('do not fail the request when they throw; the logger hears about it', async () => {
    server.reply({ body: { balance: { amount: 1, currency: 'UZS' }, ledger: [] } });
    const warnings: string[] = [];
    const karvon = new Karvon({
      apiKey: KEY,
      baseUrl: server.url,
      logger: { warn: (message) => warnings.push(message) },
      hooks: {
        onRequest: () => {
          throw new Error('broken hook');
        },
      },
    });
    await expect(karvon.balance.get()).resolves.toMatchObject({ ledger: [] });
    expect(warnings).toEqual(['karvon: onRequest hook threw']);
  });

  it('are awaited when async, before the request is sent', async () => {
    server.reply({ body: { balance: { amount: 1, currency: 'UZS' }, ledger: [] } });
    const order: string[] = [];
    const karvon = new Karvon({
      apiKey: KEY,
      baseUrl: server.url,
      hooks: {
        onRequest: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`hook saw ${server.requests.length} requests`);
        },
      },
    });
    await karvon.balance.get();
    expect(order).toEqual(['hook saw 0 requests']);
  });
});
