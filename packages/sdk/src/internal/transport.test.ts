import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../test-utils/src/index';
import type { KarvonOptions } from '../client/client-options';
import { Karvon } from '../client/karvon';
import { AbortError } from '../errors/abort-error';
import { APIError } from '../errors/api-error';
import { ConnectionError, TimeoutError } from '../errors/connection-error';
import { KarvonError } from '../errors/karvon-error';
import {
  AuthenticationError,
  IdempotencyError,
  InternalServerError,
  RateLimitError,
  ValidationError,
} from '../errors/status-errors';
import { withInternal } from './internal-options';

const KEY = 'kv_test_0123456789abcdefWXYZ';
const SEND = { to: '+998901234567', body: 'Hello' };
const ACCEPTED = {
  results: [
    {
      index: 0,
      status: 'accepted',
      id: 'msg_1',
      messageStatus: 'queued',
      to: '+998901234567',
      encoding: 'GSM-7',
      segments: 1,
      price: { amount: 12000, currency: 'UZS' },
    },
  ],
  accepted: 1,
  rejected: 0,
};
const problem = (status: number, code: string) => ({ type: 'about:blank', title: code, status, code });

let server: ScriptedServer;
let delays: number[];

beforeEach(async () => {
  server = await startScriptedServer();
  delays = [];
});
afterEach(async () => {
  await server.close();
});

/** A client against the scripted server whose waits are recorded instead of slept. */
function client(options: Partial<KarvonOptions> = {}): Karvon {
  return new Karvon(
    withInternal(
      { apiKey: KEY, baseUrl: server.url, ...options },
      {
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0.5,
      },
    ),
  );
}

async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('retries', () => {
  it('retries 5xx with full-jitter exponential backoff, then succeeds', async () => {
    server.reply(
      { status: 503, body: problem(503, 'service_unavailable') },
      { status: 500, body: problem(500, 'internal_error') },
      { body: ACCEPTED },
    );
    const result = await client().messages.send(SEND);
    expect(result.accepted).toBe(1);
    expect(server.requests).toHaveLength(3);
    // random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(delays).toEqual([250, 500]);
  });

  it.each([
    [408, 'request_timeout'],
    [409, 'idempotency_key_in_use'],
    [429, 'rate_limited'],
    [502, 'internal_error'],
  ])('retries %i %s', async (status, code) => {
    server.reply({ status, body: problem(status, code) }, { body: ACCEPTED });
    await client().messages.send(SEND);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'invalid_api_key'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'validation_failed'],
    [422, 'idempotency_key_reused'],
  ])('never retries %i %s', async (status, code) => {
    server.reply({ status, body: problem(status, code) }, { body: ACCEPTED });
    const error = await rejection(client().messages.send(SEND));
    expect(APIError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('throws the last typed error, with attempts and the idempotency key, after the last retry', async () => {
    server.route('POST', '/send', { status: 503, body: problem(503, 'service_unavailable') });
    const error = await rejection(client({ maxRetries: 3 }).messages.send(SEND));
    expect(error).toBeInstanceOf(InternalServerError);
    const typed = error as InternalServerError;
    expect(typed.attempts).toBe(4);
    expect(typed.idempotencyKey).toBe(server.requests[0]?.headers['idempotency-key']);
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('honours a per-call maxRetries over the client default', async () => {
    server.route('GET', '/balance', { status: 500, body: problem(500, 'internal_error') });
    await rejection(client({ maxRetries: 5 }).balance.get({ maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a dropped connection and reports ConnectionError when it keeps dropping', async () => {
    server.route('GET', '/balance', { destroy: true });
    const error = await rejection(client({ maxRetries: 1 }).balance.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(APIError.isInstance(error)).toBe(false);
    expect((error as ConnectionError).attempts).toBe(2);
  });

  it('maps an unreachable server to ConnectionError', async () => {
    const url = server.url;
    await server.close();
    server = await startScriptedServer();
    const error = await rejection(
      new Karvon(withInternal({ apiKey: KEY, baseUrl: url, maxRetries: 0 }, { sleep: async () => {} })).balance.get(),
    );
    expect(error).toBeInstanceOf(ConnectionError);
  });
});

describe('idempotency', () => {
  it('sends the same generated Idempotency-Key on every retry of a POST', async () => {
    server.reply({ status: 500, body: problem(500, 'internal_error') }, { status: 502 }, { body: ACCEPTED });
    await client().messages.send(SEND);
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
  });

  it('sends an Idempotency-Key on a POST even with retries off, and a new one per call', async () => {
    server.route('POST', '/send', { body: ACCEPTED });
    const karvon = client({ maxRetries: 0 });
    await karvon.messages.send(SEND);
    await karvon.messages.send(SEND);
    const [first, second] = server.requests.map((request) => request.headers['idempotency-key']);
    expect(first).toBeTypeOf('string');
    expect(second).toBeTypeOf('string');
    expect(first).not.toBe(second);
  });

  it("uses the caller's idempotencyKey", async () => {
    server.reply({ status: 409, body: problem(409, 'idempotency_key_in_use') }, { body: ACCEPTED });
    await client().messages.send(SEND, { idempotencyKey: 'order-42' });
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['order-42', 'order-42']);
  });

  it('does not send an Idempotency-Key on a GET', async () => {
    server.reply({ body: { balance: { amount: 1, currency: 'UZS' }, ledger: [] } });
    await client().balance.get();
    expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('throws IdempotencyError for a reused key, without retrying', async () => {
    server.reply({ status: 422, body: problem(422, 'idempotency_key_reused') });
    const error = await rejection(client().messages.send(SEND, { idempotencyKey: 'order-42' }));
    expect(error).toBeInstanceOf(IdempotencyError);
    expect((error as IdempotencyError).idempotencyKey).toBe('order-42');
    expect(server.requests).toHaveLength(1);
  });
});

describe('server-requested delays', () => {
  it('waits as long as Retry-After says instead of backing off', async () => {
    server.reply(
      { status: 429, headers: { 'Retry-After': '3' }, body: problem(429, 'rate_limited') },
      { body: ACCEPTED },
    );
    await client().messages.send(SEND);
    expect(delays).toEqual([3000]);
  });

  it('accepts decimal seconds and HTTP dates in Retry-After', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    server.reply(
      { status: 503, headers: { 'Retry-After': '1.5' } },
      { status: 503, headers: { 'Retry-After': inTwoSeconds } },
      { body: ACCEPTED },
    );
    await client().messages.send(SEND);
    expect(delays[0]).toBe(1500);
    // toUTCString drops milliseconds, so up to a second less than 2000.
    expect(delays[1]).toBeGreaterThan(900);
    expect(delays[1]).toBeLessThanOrEqual(2000);
  });

  it('falls back to backoff when Retry-After is garbage', async () => {
    server.reply({ status: 429, headers: { 'Retry-After': 'later' } }, { body: ACCEPTED });
    await client().messages.send(SEND);
    expect(delays).toEqual([250]);
  });

  it('waits as long as the RateLimit header says', async () => {
    server.reply({ status: 429, headers: { RateLimit: '"default";r=0;t=4' } }, { body: ACCEPTED });
    await client().messages.send(SEND);
    expect(delays).toEqual([4000]);
  });

  it('waits as long as the older RateLimit-Reset header says', async () => {
    server.reply({ status: 429, headers: { 'RateLimit-Reset': '2' } }, { body: ACCEPTED });
    await client().messages.send(SEND);
    expect(delays).toEqual([2000]);
  });

  it('throws RateLimitError with retryAfterMs when the server asks for longer than the cap', async () => {
    server.reply(
      { status: 429, headers: { 'Retry-After': '120' }, body: problem(429, 'rate_limited') },
      { body: ACCEPTED },
    );
    const error = await rejection(client().messages.send(SEND));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect((error as RateLimitError).attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
  it('gives up on a 503 whose Retry-After exceeds the cap, keeping the delay on the error', async () => {
    server.reply({ status: 503, headers: { 'Retry-After': '3600' } }, { body: ACCEPTED });
    const error = await rejection(client().messages.send(SEND));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt when the server stalls, retries, and throws TimeoutError', async () => {
    server.route('GET', '/balance', { stall: true });
    const started = Date.now();
    const error = await rejection(client({ timeoutMs: 100, maxRetries: 1 }).balance.get());
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out when headers arrive but the body stalls', async () => {
    server.reply({ stallBody: true });
    const error = await rejection(client({ maxRetries: 0 }).balance.get({ timeoutMs: 100 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('recovers when a retry answers in time', async () => {
    server.reply({ stall: true }, { body: { balance: { amount: 5, currency: 'UZS' }, ledger: [] } });
    const balance = await client({ timeoutMs: 100 }).balance.get();
    expect(balance.balance.amount).toBe(5);
  });

  it('throws AbortError, never retried, when the caller aborts a pending request', async () => {
    server.route('GET', '/balance', { stall: true });
    const controller = new AbortController();
    const reason = new Error('navigated away');
    // Abort once the server holds the request (a fixed delay raced a loaded machine).
    const pending = rejection(client({ maxRetries: 3 }).balance.get({ signal: controller.signal }));
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).name).toBe('AbortError');
    expect((error as AbortError).cause).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('throws AbortError without a request when the signal is already aborted', async () => {
    const error = await rejection(client().balance.get({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server.route('GET', '/balance', { status: 503 });
    const controller = new AbortController();
    const karvon = new Karvon(
      withInternal(
        { apiKey: KEY, baseUrl: server.url },
        {
          sleep: (_ms, signal) =>
            new Promise((_resolve, reject) => {
              signal?.addEventListener('abort', () => reject(signal.reason));
              controller.abort();
            }),
        },
      ),
    );
    const error = await rejection(karvon.balance.get({ signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('authentication', () => {
  it('calls a token provider on every attempt, so a rotated token is used', async () => {
    let calls = 0;
    const apiKey = async () => `token-${++calls}`;
    server.reply({ status: 503 }, { body: ACCEPTED });
    await client({ apiKey }).messages.send(SEND);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('wraps a failing token provider in a KarvonError, without a request', async () => {
    const error = await rejection(
      client({
        apiKey: async () => {
          throw new Error('vault down');
        },
      }).balance.get(),
    );
    expect(KarvonError.isInstance(error)).toBe(true);
    expect((error as KarvonError).message).toContain('apiKey provider');
    expect(server.requests).toHaveLength(0);
  });

  it('maps 401 to AuthenticationError', async () => {
    server.reply({ status: 401, body: problem(401, 'invalid_api_key') });
    expect(await rejection(client().balance.get())).toBeInstanceOf(AuthenticationError);
  });
});

describe('headers', () => {
  it('sends the API version, the SDK identity, JSON accept and the bearer key', async () => {
    server.reply({ body: ACCEPTED });
    await client().messages.send(SEND);
    const headers = server.requests[0]?.headers;
    expect(headers?.['karvon-version']).toBe('2026-11-01');
    expect(headers?.['karvon-sdk']).toMatch(/^js\/\d+\.\d+\.\d+/);
    expect(headers?.accept).toBe('application/json');
    expect(headers?.authorization).toBe(`Bearer ${KEY}`);
    expect(headers?.['content-type']).toBe('application/json');
  });

  it('lets the caller pin another API version and add headers per call', async () => {
    server.reply({ body: ACCEPTED });
    await client({ apiVersion: '2027-01-01' }).messages.send(SEND, { headers: { 'X-Trace': 'abc' } });
    expect(server.requests[0]?.headers['karvon-version']).toBe('2027-01-01');
    expect(server.requests[0]?.headers['x-trace']).toBe('abc');
  });
});

describe('responses', () => {
  it('throws ValidationError with field pointers from a problem+json body', async () => {
    server.reply({
      status: 422,
      body: {
        ...problem(422, 'validation_failed'),
        errors: [{ pointer: '/messages/1/to', code: 'invalid_phone_number', detail: 'Not a phone number' }],
      },
    });
    const error = (await rejection(client().messages.send({ messages: [SEND, SEND] }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors[0]?.pointer).toBe('/messages/1/to');
  });

  it('keeps unknown fields and enum values when validation is off', async () => {
    server.reply({
      body: { ...ACCEPTED, novel: true, results: [{ ...ACCEPTED.results[0], messageStatus: 'teleported' }] },
    });
    const result = await client().messages.send(SEND);
    expect(result.results[0]).toMatchObject({ messageStatus: 'teleported' });
    expect((result as unknown as { novel: boolean }).novel).toBe(true);
  });
});
