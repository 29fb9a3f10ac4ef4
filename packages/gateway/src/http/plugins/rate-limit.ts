import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TokenBucketResult } from '../../storage/repository';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';

export interface RateLimitRule {
  perSecond: number;
  burst: number;
}

/** The account's own bucket when set, the gateway's default otherwise (each field on its own). */
export function effectiveRule(
  account: { rateLimitPerSecond: number | null; rateLimitBurst: number | null },
  defaults: RateLimitRule,
): RateLimitRule {
  return {
    perSecond: account.rateLimitPerSecond ?? defaults.perSecond,
    burst: account.rateLimitBurst ?? defaults.burst,
  };
}

/**
 * The header fields of draft-ietf-httpapi-ratelimit-headers-11 (structured
 * fields, one policy named "default"):
 * - `RateLimit-Policy: "default";q=<burst>;w=<seconds to refill a full bucket>`
 * - `RateLimit: "default";r=<whole tokens left>;t=<seconds>` where t is, with
 *   tokens left, the time until the bucket is full again; with none left, the
 *   time until the next token (so a client that waits t seconds gets through,
 *   and t equals Retry-After on a 429).
 */
export function rateLimitHeaders(rule: RateLimitRule, result: TokenBucketResult): Record<string, string> {
  const window = Math.max(1, Math.ceil(rule.burst / rule.perSecond));
  const reset =
    result.remaining === 0
      ? Math.max(1, Math.ceil(result.retryAfterMs / 1000))
      : Math.ceil(Math.max(0, rule.burst - result.tokens) / rule.perSecond);
  return {
    'RateLimit-Policy': `"default";q=${rule.burst};w=${window}`,
    RateLimit: `"default";r=${result.remaining};t=${reset}`,
  };
}

/**
 * Per-key token bucket (burst = capacity, perSecond = refill), configurable
 * per account. The state is in the repository: one atomic upsert … RETURNING
 * per request on PostgreSQL, shared by every process; memory on SQLite, which
 * one process owns (decision 0009). Headers on every authenticated response.
 */
export function rateLimitHook(ctx: GatewayContext) {
  return async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!ctx.rateLimit || !request.auth) return;
    const { account, key } = request.auth;
    const rule = effectiveRule(account, ctx.rateLimit);
    const result = await ctx.repository.rateLimits.take(
      `key:${key.id}`,
      { capacity: rule.burst, refillPerSecond: rule.perSecond },
      ctx.now(),
    );
    const headers = rateLimitHeaders(rule, result);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    if (!result.allowed) {
      throw new HttpProblem('rate_limited', {
        detail: `At most ${rule.perSecond} requests per second (bursts of ${rule.burst}) for this key.`,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))) },
      });
    }
  };
}
