import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { constantTimeEqual, hashApiKey } from '../../accounts/api-key-hash';
import { carrierView, prometheusText, queueView } from '../../dispatch/operator-view';
import type { GatewayContext } from '../gateway-context';
import { sendProblem } from '../plugins/problem';

// The operator API: the people who run the gateway, not its customers. It is not in the public
// route table or the OpenAPI document, is served only when KARVON_OPERATOR_TOKEN is set, and
// takes that token (never an account's API key) as its bearer.

const requeueBody = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(1_000) });
const traceQuery = z.object({
  carrier: z.string().optional(),
  bind: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(2_000).optional(),
});
const windowQuery = z.object({ windowMinutes: z.coerce.number().int().min(1).max(10_080).optional() });
const reportQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });
const DRAIN_LIMIT_MS = 30_000;

export function operatorRoutes(app: FastifyInstance, ctx: GatewayContext, token: string): void {
  const expected = hashApiKey(token);
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !constantTimeEqual(hashApiKey(given), expected)) {
      return sendProblem(request, reply, 'unauthenticated', { detail: 'The operator API takes the operator token.' });
    }
  };
  const parse = <T>(schema: z.ZodType<T>, input: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const result = schema.safeParse(input ?? {});
    if (result.success) return result.data;
    sendProblem(request, reply, 'validation_failed', {
      detail: 'Invalid operator request.',
      errors: result.error.issues.map((issue) => ({
        pointer: `/${issue.path.join('/')}`,
        code: 'invalid_field',
        detail: issue.message,
      })),
    });
    return undefined;
  };
  const route = (
    method: 'GET' | 'POST',
    url: string,
    handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  ) => app.route({ method, url, preHandler: guard, handler });
  const carrierOr404 = (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    if (ctx.delivery?.pool.profile(id)) return id;
    sendProblem(request, reply, 'not_found', { detail: `No carrier ${id} in this gateway.` });
    return undefined;
  };

  route('GET', '/operator/carriers', async (request, reply) => {
    const query = parse(windowQuery, request.query, request, reply);
    if (!query) return reply;
    if (!ctx.delivery) return { carriers: [] };
    const windowMs = (query.windowMinutes ?? 60) * 60_000;
    return {
      windowMinutes: windowMs / 60_000,
      carriers: await carrierView({ delivery: ctx.delivery, repository: ctx.repository, now: ctx.now(), windowMs }),
    };
  });

  route('GET', '/operator/queue', async () => queueView(await ctx.repository.dispatch.depth(), ctx.now()));

  route('GET', '/operator/trace', async (request, reply) => {
    const query = parse(traceQuery, request.query, request, reply);
    if (!query) return reply;
    const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    return { entries: ctx.delivery?.trace.entries(filter) ?? [] };
  });

  route('GET', '/operator/reports/delivery', async (request, reply) => {
    const query = parse(reportQuery, request.query, request, reply);
    if (!query) return reply;
    const since = query.since ? Date.parse(query.since) : ctx.now() - 86_400_000;
    return { since: new Date(since).toISOString(), rows: await ctx.repository.dispatch.report({ since }) };
  });

  route('GET', '/operator/metrics', async (_request, reply) => {
    const now = ctx.now();
    const carriers = ctx.delivery
      ? await carrierView({ delivery: ctx.delivery, repository: ctx.repository, now, windowMs: 3_600_000 })
      : [];
    const queue = queueView(await ctx.repository.dispatch.depth(), now);
    return reply.type('text/plain; version=0.0.4').send(prometheusText(carriers, queue));
  });

  for (const action of ['pause', 'resume', 'drain'] as const) {
    route('POST', `/operator/carriers/:id/${action}`, async (request, reply) => {
      const id = carrierOr404(request, reply);
      if (id === undefined || !ctx.delivery) return reply;
      const { pool, dispatcher } = ctx.delivery;
      // Paused: routing skips the carrier, so its traffic fails over to the next route or waits.
      pool.setPaused(id, action !== 'resume');
      let inFlight = dispatcher.inFlightOn(id);
      if (action === 'drain') {
        const deadline = Date.now() + DRAIN_LIMIT_MS;
        while (inFlight > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          inFlight = dispatcher.inFlightOn(id);
        }
      }
      return { carrier: id, paused: action !== 'resume', inFlight };
    });
  }

  route('POST', '/operator/messages/requeue', async (request, reply) => {
    const body = parse(requeueBody, request.body, request, reply);
    if (!body) return reply;
    const requeued = await ctx.repository.dispatch.requeueMessages({ ids: body.ids, now: ctx.now() });
    ctx.delivery?.dispatcher.wake();
    const done = new Set(requeued);
    return {
      requeued,
      // `unknown` has no way back in the state machine (the carrier may have it); ended messages neither.
      skipped: body.ids.filter((id) => !done.has(id)),
    };
  });
}
