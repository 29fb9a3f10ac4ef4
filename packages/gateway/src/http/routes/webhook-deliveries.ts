import {
  listWebhookAttemptsParamsSchema,
  type RotatedWebhookSecret,
  replayWebhookRequestSchema,
  rotateWebhookSecretRequestSchema,
  WEBHOOK_SECRET_GRACE_HOURS,
  type WebhookAttempt,
  type WebhookAttemptList,
  type WebhookEndpointId,
} from '@karvon/contract';
import { generateWebhookSecret } from '@karvon/sdk/webhooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebhookAttemptRecord } from '../../storage/webhook-repository';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseBody, parseQuery } from '../route';

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function attemptView(a: WebhookAttemptRecord): WebhookAttempt {
  return {
    eventId: a.eventId as WebhookAttempt['eventId'],
    attempt: a.attempt,
    at: iso(a.at),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    error: a.error,
  };
}

/** The endpoint named in the path, of the caller's account; 404 otherwise (another account's looks absent). */
async function endpointOf(ctx: GatewayContext, request: FastifyRequest): Promise<{ accountId: string; id: string }> {
  const { account } = authOf(request);
  const { id } = request.params as { id: string };
  const endpoint = await ctx.repository.webhookEndpoints.get(account.id, id);
  if (!endpoint) throw new HttpProblem('not_found');
  return { accountId: account.id, id: endpoint.id };
}

/** What happened to an endpoint's deliveries, and the two ways to act on it: replay and a new secret. */
export function webhookDeliveryRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'GET', '/webhooks/{id}/attempts', async (request) => {
    const query = parseQuery(listWebhookAttemptsParamsSchema, request.query);
    const endpoint = await endpointOf(ctx, request);
    const [attempts, health] = await Promise.all([
      ctx.repository.outbox.attempts(endpoint.accountId, endpoint.id, {
        limit: query.limit ?? 20,
        ...(query.eventId !== undefined ? { eventId: query.eventId } : {}),
      }),
      ctx.repository.outbox.health(endpoint.accountId, endpoint.id),
    ]);
    // Deleted between the two reads: as absent as before the first.
    if (!health) throw new HttpProblem('not_found');
    const answer: WebhookAttemptList = {
      data: attempts.map(attemptView),
      endpoint: {
        id: endpoint.id as WebhookEndpointId,
        disabledAt: isoOrNull(health.disabledAt),
        failingSince: isoOrNull(health.failingSince),
      },
    };
    return answer;
  });

  addRoute(app, 'POST', '/webhooks/{id}/replay', async (request) => {
    const input = parseBody(replayWebhookRequestSchema, request.body);
    const endpoint = await endpointOf(ctx, request);
    const queued = await ctx.repository.outbox.replay({
      accountId: endpoint.accountId,
      endpointId: endpoint.id,
      ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
      ...(input.since !== undefined ? { since: Date.parse(input.since) } : {}),
      ...(input.until !== undefined ? { until: Date.parse(input.until) } : {}),
      now: ctx.now(),
    });
    if (queued === undefined) throw new HttpProblem('not_found');
    return { queued };
  });

  addRoute(app, 'POST', '/webhooks/{id}/rotate-secret', async (request) => {
    // The body is optional: no body means the default grace period.
    const input = parseBody(rotateWebhookSecretRequestSchema, request.body ?? {});
    const endpoint = await endpointOf(ctx, request);
    const graceUntil = ctx.now() + (input.graceHours ?? WEBHOOK_SECRET_GRACE_HOURS.default) * HOUR_MS;
    const secret = generateWebhookSecret();
    const rotated = await ctx.repository.outbox.rotateSecret({
      accountId: endpoint.accountId,
      endpointId: endpoint.id,
      secret,
      graceUntil,
    });
    if (!rotated) throw new HttpProblem('not_found');
    const answer: RotatedWebhookSecret = {
      id: endpoint.id as WebhookEndpointId,
      secret,
      previousSecretExpiresAt: iso(graceUntil),
    };
    return answer;
  });
}
