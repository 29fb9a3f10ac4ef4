import {
  EVENT_STREAM_CONTENT_TYPE,
  eventStreamParamsSchema,
  isId,
  type ProblemFieldError,
  splitEventTypes,
} from '@karvon/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StoredEvent } from '../../storage/webhook-repository';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseQuery } from '../route';

/** How often the stream looks for new events in the database, and how many it reads at once. */
const POLL_MS = 250;
const BATCH = 500;
/** A comment this often keeps proxies and load balancers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/** `id:`, `event:` and one `data:` line per line of the payload (a stored payload is one line of JSON). */
export function formatServerSentEvent(event: Pick<StoredEvent, 'id' | 'type' | 'payload'>): string {
  const data = event.payload
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('');
  return `id: ${event.id}\nevent: ${event.type}\n${data}\n`;
}

function invalid(pointer: string, detail: string): HttpProblem {
  const errors: ProblemFieldError[] = [{ pointer, code: 'invalid_field', detail }];
  return new HttpProblem('validation_failed', { detail, errors });
}

/**
 * Where the stream starts: after the `Last-Event-ID` header's event (a reconnecting EventSource
 * sends it along with the URL it first opened, so it wins over `?after=`), else after `?after=`,
 * else at the account's newest event (only what happens from now on: history is for resuming,
 * and replaying every event of a busy account to each new client would be a flood). An id that is not one of the account's events is a 422
 * before anything is streamed, not a silent restart from the beginning.
 */
async function startSeq(
  ctx: GatewayContext,
  accountId: string,
  request: FastifyRequest,
  after: string | undefined,
): Promise<number> {
  const header = request.headers['last-event-id'];
  const fromHeader = typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined;
  const [id, pointer] = fromHeader !== undefined ? [fromHeader, '/headers/last-event-id'] : [after, '/after'];
  if (id === undefined) return ctx.repository.outbox.latestSeq(accountId);
  if (!isId('event', id)) throw invalid(pointer, 'Expected an event id (evt_…) from this stream');
  const seq = await ctx.repository.outbox.eventSeq(accountId, id);
  if (seq === undefined) throw invalid(pointer, 'No such event in this account');
  return seq;
}

function acceptsEventStream(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.split(',').some((part) => part.split(';')[0]?.trim().toLowerCase() === EVENT_STREAM_CONTENT_TYPE);
}

/**
 * `GET /events`: the account's events as Server-Sent Events, read from the database (so events
 * written by any gateway process sharing it show up). One request, so it counts once against the
 * key's rate limit however many events it carries. Open streams end when the server closes.
 */
export function eventStreamRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const open = new Set<() => void>();
  // preClose runs before the server waits for in-flight requests: without it app.close() would
  // wait for every client to hang up.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  addRoute(app, 'GET', '/events', async (request, reply) => {
    const { account } = authOf(request);
    const query = parseQuery(eventStreamParamsSchema, request.query);
    const types = query.types !== undefined ? splitEventTypes(query.types) : undefined;
    const after = await startSeq(ctx, account.id, request, query.after);
    // A plain HTTP client would wait for the end of a body that never ends: only a client that
    // asks for a stream gets one (EventSource and the SDK send this Accept).
    if (!acceptsEventStream(request)) {
      throw new HttpProblem('invalid_request', {
        detail: `GET /events is a stream of Server-Sent Events: send Accept: ${EVENT_STREAM_CONTENT_TYPE}.`,
      });
    }
    streamEvents(ctx, reply, open, { accountId: account.id, types, after });
    return reply;
  });
}

function streamEvents(
  ctx: GatewayContext,
  reply: FastifyReply,
  open: Set<() => void>,
  input: { accountId: string; types: string[] | undefined; after: number },
): void {
  reply.hijack();
  const res = reply.raw;
  // Headers set by the hooks (request id, version, rate limit, CORS) go out with the stream's own.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) res.setHeader(name, value);
  }
  res.writeHead(200, {
    'Content-Type': EVENT_STREAM_CONTENT_TYPE,
    'Cache-Control': 'no-cache, no-transform',
    // nginx buffers responses unless told not to.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();

  let ended = false;
  let wake: (() => void) | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    open.delete(end);
    clearInterval(keepAlive);
    wake?.();
    res.end();
  };
  open.add(end);
  res.on('close', end);
  const keepAlive = setInterval(() => {
    if (!ended) res.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  // Waits `ms`, or less when the stream ends meanwhile (or the socket drains, for `drain`).
  const pause = (ms: number, drain = false) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        res.off('drain', done);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (drain) res.once('drain', done);
      wake = done;
    });

  void (async () => {
    let after = input.after;
    try {
      while (!ended) {
        const batch = await ctx.repository.outbox.eventsAfter({
          accountId: input.accountId,
          afterSeq: after,
          ...(input.types !== undefined ? { types: input.types } : {}),
          limit: BATCH,
        });
        for (const event of batch) {
          if (ended) return;
          after = event.seq;
          // A slow reader: wait for the socket to take what it has before reading more.
          if (!res.write(formatServerSentEvent(event))) await pause(KEEP_ALIVE_MS, true);
        }
        // A full batch means more are waiting: read on at once.
        if (batch.length < BATCH) await pause(POLL_MS);
      }
    } catch (error) {
      // The client reconnects with Last-Event-ID and misses nothing.
      reply.log.error({ err: error }, 'event stream failed');
    } finally {
      end();
    }
  })();
}
