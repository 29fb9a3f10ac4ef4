import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotencyCompletion, IdempotencyLock } from '../../storage/repository';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';

/** 1–255 visible ASCII characters (draft-ietf-httpapi-idempotency-key-header: a String; Stripe's limit). */
const KEY = /^[\x21-\x7e]{1,255}$/;
// Headers a replay must repeat; the rest (date, request id, rate limit) belong to each response.
const REPLAYED_HEADERS = ['content-type', 'location', 'karvon-version'];
const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * An in-progress key older than this belongs to a request that died with its
 * process; the next request with the key takes it over. The lock token fences
 * the old holder: its completion (and, for /send, its acceptance) fails.
 */
export const IDEMPOTENCY_LOCK_TIMEOUT_MS = 60_000;

/** What a request that began a key carries until its response is stored. */
export interface IdempotencySlot {
  lock: IdempotencyLock;
  /** The body already stored with the acceptance (see `idempotencyFold`); onSend then writes nothing. */
  foldedBody?: string;
}

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

function invalidKey(detail: string): HttpProblem {
  return new HttpProblem('invalid_request', {
    detail,
    // Not a body field: the pointer names the header, as the OpenAPI parameter does.
    errors: [{ pointer: '/headers/idempotency-key', code: 'invalid_field', detail }],
  });
}

/**
 * `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header, with
 * Stripe's behaviour): the first request with a key runs; a repeat with the
 * same fingerprint gets the stored response with `Idempotent-Replayed: true`;
 * one still running gets 409; one with another body gets 422. Runs after
 * authentication and rate limiting, so 401/403/429 never touch a key. Keys are
 * per account and key mode.
 */
export function idempotencyPreHandler(ctx: GatewayContext) {
  return async function idempotency(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (request.method !== 'POST' || !request.auth) return undefined;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return undefined;
    if (Array.isArray(raw)) throw invalidKey('Send one Idempotency-Key header.');
    if (!KEY.test(raw)) throw invalidKey('Idempotency-Key must be 1 to 255 visible ASCII characters.');
    const lock: IdempotencyLock = {
      accountId: request.auth.account.id,
      mode: request.auth.mode,
      key: raw,
      lockToken: randomUUID(),
    };
    const path = request.url.split('?')[0] ?? '/';
    const fingerprint = requestFingerprint(request.method, path, request.body);
    const now = ctx.now();
    const begun = await ctx.repository.idempotency.begin({
      ...lock,
      fingerprint,
      createdAt: now,
      expiresAt: now + ctx.idempotencyTtlMs,
      staleBefore: now - IDEMPOTENCY_LOCK_TIMEOUT_MS,
    });
    if (begun.outcome === 'started') {
      request.idempotency = { lock };
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

/**
 * For a route whose side effect is one repository transaction (POST /send):
 * returns a function that serialises the response the route will send and
 * gives the completion to write IN that transaction, or undefined when the
 * request holds no key. The route must then send exactly `slot.foldedBody`.
 */
export function idempotencyFold(
  request: FastifyRequest,
): ((status: number, value: unknown) => IdempotencyCompletion) | undefined {
  const slot = request.idempotency;
  if (!slot) return undefined;
  return (status, value) => {
    const body = JSON.stringify(value);
    slot.foldedBody = body;
    return { lock: slot.lock, response: { status, headers: { 'content-type': JSON_TYPE }, body } };
  };
}

/** Sends the body an `idempotencyFold` completion stored, so the replay and the original are byte-identical. */
export function sendFolded(request: FastifyRequest, reply: FastifyReply, status: number, value: unknown): FastifyReply {
  const body = request.idempotency?.foldedBody;
  if (body === undefined) return reply.code(status).send(value);
  return reply.code(status).type(JSON_TYPE).send(body);
}

/** Stores the response of a request that began a key, or frees the key after a 5xx, 429 or auth failure. */
export function idempotencyOnSend(ctx: GatewayContext) {
  return async function store(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const slot = request.idempotency;
    if (!slot) return payload;
    request.idempotency = undefined;
    const status = reply.statusCode;
    // Stored already, in the acceptance's own transaction.
    if (slot.foldedBody !== undefined && payload === slot.foldedBody && status === 200) return payload;
    if (status >= 500 || status === 429 || status === 401 || status === 403 || typeof payload !== 'string') {
      await ctx.repository.idempotency.release(slot.lock);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    try {
      const stored = await ctx.repository.idempotency.complete(slot.lock, { status, headers, body: payload });
      if (!stored) request.log.warn('idempotency key taken over before its response was stored');
    } catch (error) {
      // The work is done and the client gets its answer; a retry sees 409 until the lock times out.
      request.log.error({ err: error }, 'could not store the idempotent response');
    }
    return payload;
  };
}
