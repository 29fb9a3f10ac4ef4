import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';

const KEY = /^[\x21-\x7e]{1,255}$/;
// Headers a replay must repeat; the rest (date, request id, rate limit) are per response.
const REPLAYED_HEADERS = ['content-type', 'location', 'karvon-version'];

/** Stable JSON: object keys sorted at every level, so `{a,b}` and `{b,a}` fingerprint alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header, with
 * Stripe's behaviour): the first request with a key runs; a repeat with the
 * same fingerprint gets the stored response with `Idempotent-Replayed: true`;
 * one still running gets 409; one with another body gets 422. Runs after
 * authentication (keys are per account; auth failures are never stored).
 */
export function idempotencyPreHandler(ctx: GatewayContext) {
  return async function idempotency(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (request.method !== 'POST' || !request.auth) return undefined;
    const raw = request.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined) return undefined;
    if (!KEY.test(key)) {
      throw new HttpProblem('invalid_request', {
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      });
    }
    const accountId = request.auth.account.id;
    const path = request.url.split('?')[0] ?? '/';
    const fingerprint = requestFingerprint(request.method, path, request.body);
    const now = ctx.now();
    const begun = await ctx.repository.idempotency.begin({
      accountId,
      key,
      fingerprint,
      createdAt: now,
      expiresAt: now + ctx.idempotencyTtlMs,
    });
    if (begun.outcome === 'started') {
      request.idempotency = { accountId, key };
      return undefined;
    }
    const record = begun.record;
    if (record.fingerprint !== fingerprint) {
      throw new HttpProblem('idempotency_key_reused', {
        detail: 'This Idempotency-Key was used with another request. Use a new key for a new request.',
      });
    }
    if (record.state !== 'completed' || record.responseStatus === null) {
      throw new HttpProblem('idempotency_key_in_use', { headers: { 'Retry-After': '1' } });
    }
    for (const [name, value] of Object.entries(record.responseHeaders ?? {})) reply.header(name, value);
    reply.header('Idempotent-Replayed', 'true');
    return reply.code(record.responseStatus).send(record.responseBody ?? '');
  };
}

/** Stores the response of a request that began an idempotency key, or frees the key after a 5xx/429. */
export function idempotencyOnSend(ctx: GatewayContext) {
  return async function store(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const slot = request.idempotency;
    if (!slot) return payload;
    request.idempotency = undefined;
    const status = reply.statusCode;
    if (status >= 500 || status === 429 || typeof payload !== 'string') {
      await ctx.repository.idempotency.release(slot.accountId, slot.key);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await ctx.repository.idempotency.complete(slot.accountId, slot.key, { status, headers, body: payload });
    return payload;
  };
}
