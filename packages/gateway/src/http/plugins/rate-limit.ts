import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';

/**
 * Per-key token bucket (burst = capacity, perSecond = refill), configurable
 * per account. The state is in the repository: a table on PostgreSQL, shared
 * by every process; memory on SQLite, which one process owns. Headers follow
 * draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` and `RateLimit`.
 */
export function rateLimitHook(ctx: GatewayContext) {
  return async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!ctx.rateLimit || !request.auth) return;
    const { account, key } = request.auth;
    const burst = account.rateLimitBurst ?? ctx.rateLimit.burst;
    const perSecond = account.rateLimitPerSecond ?? ctx.rateLimit.perSecond;
    const result = await ctx.repository.rateLimits.take(
      `key:${key.id}`,
      { capacity: burst, refillPerSecond: perSecond },
      ctx.now(),
    );
    const reset = result.allowed ? 0 : Math.ceil(result.retryAfterMs / 1000);
    reply.header('RateLimit-Policy', `"default";q=${burst};w=${Math.max(1, Math.ceil(burst / perSecond))}`);
    reply.header('RateLimit', `"default";r=${result.remaining};t=${reset}`);
    if (!result.allowed) {
      throw new HttpProblem('rate_limited', {
        detail: `At most ${perSecond} requests per second (bursts of ${burst}) for this key.`,
        headers: { 'Retry-After': String(Math.max(1, reset)) },
      });
    }
  };
}
