import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../../test-utils/src/index';
import { AuthenticationError, ValidationError } from '../../errors/status-errors';
import { withInternal } from '../../internal/internal-options';
import { Karvon } from '../karvon';

let server: ScriptedServer;
let delays: number[];
let karvon: Karvon;
beforeEach(async () => {
  server = await startScriptedServer();
  delays = [];
  karvon = new Karvon(
    withInternal(
      { apiKey: 'kv_test_x', baseUrl: server.url },
      {
        random: () => 0.5,
        sleep: async (ms) => {
          delays.push(ms);
        },
      },
    ),
  );
});
afterEach(async () => {
  await server.close();
});

const envelope = (id: string, type: string) => ({
  id,
  type,
  timestamp: '2026-11-01T00:00:00Z',
  apiVersion: '2026-11-01',
  data: { messageId: 'msg_1' },
});
const sse = (...events: [string, string][]) => ({
  headers: { 'content-type': 'text/event-stream' },
  body: events
    .map(([id, type]) => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(envelope(id, type))}\n\n`)
    .join(''),
});

describe('events.stream()', () => {
  it('asks for an event stream with the types, and yields id, type and the parsed envelope', async () => {
    server.reply(sse(['evt_1', 'message.queued'], ['evt_2', 'message.sent']));
    const seen = [];
    for await (const event of karvon.events.stream({ types: ['message.queued', 'message.sent'] })) {
      seen.push(event);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([
      { id: 'evt_1', type: 'message.queued', data: envelope('evt_1', 'message.queued') },
      { id: 'evt_2', type: 'message.sent', data: envelope('evt_2', 'message.sent') },
    ]);
    const request = server.requests[0]!;
    expect(request.url).toBe('/events?types=message.queued%2Cmessage.sent');
    expect(request.headers.accept).toBe('text/event-stream');
    expect(request.headers.authorization).toBe('Bearer kv_test_x');
    expect(request.headers['last-event-id']).toBeUndefined();
  });

  it('reconnects after a dropped connection with Last-Event-ID, after a backoff', async () => {
    server.reply(
      sse(['evt_1', 'message.queued']),
      { destroy: true },
      { status: 503, body: {} },
      sse(['evt_2', 'message.sent']),
    );
    const ids: string[] = [];
    for await (const event of karvon.events.stream({ lastEventId: 'evt_0' })) {
      ids.push(event.id);
      if (ids.length === 2) break;
    }
    expect(ids).toEqual(['evt_1', 'evt_2']);
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual(['evt_0', 'evt_1', 'evt_1', 'evt_1']);
    // Full jitter with random() = 0.5: half of 500, 1000, 2000 ms; an event resets the count.
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('ends without an error when the signal aborts, mid-stream', async () => {
    const controller = new AbortController();
    server.reply({ stallBody: true, headers: { 'content-type': 'text/event-stream' } });
    const iteration = (async () => {
      const ids: string[] = [];
      for await (const event of karvon.events.stream({ signal: controller.signal })) ids.push(event.id);
      return ids;
    })();
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(iteration).resolves.toEqual([]);
  });

  it('throws a final error (bad key, unknown Last-Event-ID) instead of reconnecting', async () => {
    server.reply(
      { status: 401, body: { code: 'invalid_api_key', status: 401, title: 'Invalid API key' } },
      { status: 422, body: { code: 'validation_failed', status: 422, title: 'Validation failed' } },
    );
    const drain = async (lastEventId?: string) => {
      for await (const _ of karvon.events.stream(lastEventId ? { lastEventId } : {})) {
        // never reached
      }
    };
    await expect(drain()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(drain('evt_unknown')).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(2);
  });
});
