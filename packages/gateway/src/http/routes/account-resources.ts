import {
  type ApiKey,
  type ApiKeyId,
  type Consent,
  createApiKeyRequestSchema,
  createConsentRequestSchema,
  createId,
  createOptOutRequestSchema,
  createSenderRequestSchema,
  createWebhookEndpointRequestSchema,
  listConsentsParamsSchema,
  listOptOutsParamsSchema,
  listParamsSchema,
  type OptOut,
  PAGE_LIMITS,
  type Sender,
  type SenderId,
  type WebhookEndpoint,
  type WebhookEndpointId,
} from '@karvon/contract';
import { normalizePhoneInput } from '@karvon/sdk/phone';
import { generateWebhookSecret } from '@karvon/sdk/webhooks';
import type { FastifyInstance } from 'fastify';
import { generateApiKey, redactApiKey } from '../../accounts/api-key-format';
import { hashApiKey } from '../../accounts/api-key-hash';
import { ROLE_SCOPES } from '../../accounts/scopes';
import { senderRulesFor } from '../../senders/registration-rules';
import type {
  ApiKeyRecord,
  ConsentRecord,
  ListOptions,
  OptOutFilters,
  OptOutRecord,
  SenderRecord,
  WebhookEndpointRecord,
} from '../../storage/repository';
import { checkEndpointUrl } from '../../webhooks/endpoint-url-policy';
import { cachesOf } from '../gateway-caches';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseBody, parseQuery } from '../route';

const iso = (ms: number) => new Date(ms).toISOString();

function keyView(k: ApiKeyRecord): ApiKey {
  return {
    id: k.id as ApiKeyId,
    name: k.name ?? '',
    mode: k.mode,
    scopes: k.scopes,
    ipAllowlist: k.ipAllowlist,
    redactedKey: k.prefix,
    createdAt: iso(k.createdAt),
    lastUsedAt: k.lastUsedAt === null ? null : iso(k.lastUsedAt),
    ...(k.expiresAt !== null ? { expiresAt: iso(k.expiresAt) } : {}),
  };
}

function senderView(s: SenderRecord): Sender {
  return {
    id: s.id as SenderId,
    sender: s.sender,
    kind: s.kind,
    country: s.country ?? '',
    ...(s.operator !== null ? { operator: s.operator } : {}),
    ...(s.route !== null ? { route: s.route } : {}),
    status: s.status,
    createdAt: iso(s.createdAt),
  };
}

function optOutView(o: OptOutRecord): OptOut {
  return {
    phoneNumber: o.phoneNumber,
    scope: o.scope,
    source: o.source as OptOut['source'],
    ...(o.keyword !== null ? { keyword: o.keyword } : {}),
    createdAt: iso(o.createdAt),
  };
}

function consentView(c: ConsentRecord): Consent {
  return {
    phoneNumber: c.phoneNumber,
    source: c.source,
    ...(c.proof !== null ? { proof: c.proof } : {}),
    consentedAt: iso(c.consentedAt),
  };
}

function webhookView(w: WebhookEndpointRecord): WebhookEndpoint {
  // Never the secret: it is shown once, in the answer to POST /webhooks.
  return { id: w.id as WebhookEndpointId, url: w.url, events: w.events, createdAt: iso(w.createdAt) };
}

/** `limit` and `cursor` of a plain list, validated by the contract (422 on a bad one, as GET /messages). */
function pageOf(query: unknown): ListOptions {
  const q = parseQuery(listParamsSchema, query);
  return { cursor: q.cursor ?? null, limit: q.limit ?? PAGE_LIMITS.defaultLimit };
}

// Fastify has already percent-decoded the parameter once; a second decode of
// an unescaped `%` would throw (a 500), so a failed decode keeps the value.
function phoneParam(value: string): string {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {}
  return normalizePhoneInput(decoded);
}

/** Keys, senders, opt-outs, consents and webhook endpoints: per-account resources. */
export function accountResourceRoutes(
  app: FastifyInstance,
  ctx: GatewayContext,
  options: { allowPrivateWebhookUrls?: boolean } = {},
): void {
  // --- keys ---------------------------------------------------------------------------
  addRoute(app, 'GET', '/keys', async (request) => {
    const { account } = authOf(request);
    const page = await ctx.repository.apiKeys.list(account.id, pageOf(request.query));
    return { data: page.data.map(keyView), nextCursor: page.nextCursor };
  });
  addRoute(app, 'POST', '/keys', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(createApiKeyRequestSchema, request.body);
    const now = ctx.now();
    const expiresAt = input.expiresAt !== undefined ? Date.parse(input.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= now) {
      throw new HttpProblem('validation_failed', {
        errors: [{ pointer: '/expiresAt', code: 'invalid_field', detail: 'Must be in the future' }],
      });
    }
    const generated = generateApiKey(input.mode);
    const record: ApiKeyRecord = {
      id: createId('apiKey', { now }),
      accountId: account.id,
      name: input.name,
      prefix: redactApiKey(generated.key),
      hash: hashApiKey(generated.key),
      mode: input.mode,
      scopes: input.scopes ? [...input.scopes] : [...ROLE_SCOPES[input.role ?? 'developer']],
      ipAllowlist: input.ipAllowlist ?? [],
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
      expiresAt,
    };
    await ctx.repository.apiKeys.insert(record);
    return reply
      .code(201)
      .send({ ...keyView(record), ...(input.role ? { role: input.role } : {}), secret: generated.key });
  });
  addRoute(app, 'DELETE', '/keys/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    if (!(await ctx.repository.apiKeys.revoke(account.id, id, ctx.now()))) throw new HttpProblem('not_found');
    // Authentication caches keys for 1 s; a revocation here takes effect at once.
    cachesOf(ctx).apiKeys.clear();
    // The SDK's DeletedResource, not a bare 204: the contract's answer to every DELETE by id.
    return { id, deleted: true };
  });

  // --- senders ------------------------------------------------------------------------
  addRoute(app, 'GET', '/senders', async (request) => {
    const { account } = authOf(request);
    const page = await ctx.repository.senders.list(account.id, pageOf(request.query));
    return { data: page.data.map(senderView), nextCursor: page.nextCursor };
  });
  addRoute(app, 'POST', '/senders', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(createSenderRequestSchema, request.body);
    const now = ctx.now();
    const country = input.country.toUpperCase();
    // Where no registration is required the sender is usable at once; elsewhere an operator approves it.
    const needsRegistration = Boolean(senderRulesFor(country)?.requires[input.kind]);
    const record = await ctx.repository.senders.create({
      id: createId('sender', { now }),
      accountId: account.id,
      sender: input.sender,
      kind: input.kind,
      country,
      operator: input.operator ?? null,
      route: input.route ?? null,
      status: needsRegistration ? 'pending' : 'approved',
      isDefault: false,
      createdAt: now,
      updatedAt: now,
    });
    cachesOf(ctx).senders.clear();
    return reply.code(201).send(senderView(record));
  });
  addRoute(app, 'GET', '/senders/{id}', async (request) => {
    const { account } = authOf(request);
    const sender = await ctx.repository.senders.get(account.id, (request.params as { id: string }).id);
    if (!sender) throw new HttpProblem('not_found');
    return senderView(sender);
  });
  addRoute(app, 'DELETE', '/senders/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    if (!(await ctx.repository.senders.delete(account.id, id))) throw new HttpProblem('not_found');
    cachesOf(ctx).senders.clear();
    return { id, deleted: true };
  });

  // --- opt-outs and consents ------------------------------------------------------------
  addRoute(app, 'GET', '/opt-outs', async (request) => {
    const { account } = authOf(request);
    const q = parseQuery(listOptOutsParamsSchema, request.query);
    const filters: OptOutFilters = {};
    if (q.phoneNumber !== undefined) filters.phoneNumber = normalizePhoneInput(q.phoneNumber);
    if (q.createdAfter !== undefined) filters.createdAfter = Date.parse(q.createdAfter);
    const page = await ctx.repository.optOuts.list(account.id, filters, {
      cursor: q.cursor ?? null,
      limit: q.limit ?? PAGE_LIMITS.defaultLimit,
    });
    return { data: page.data.map(optOutView), nextCursor: page.nextCursor };
  });
  addRoute(app, 'POST', '/opt-outs', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(createOptOutRequestSchema, request.body);
    // Through the consent ledger: recorded with its source, and `opt_out.changed` when it changed.
    const phoneNumber = normalizePhoneInput(input.phoneNumber);
    const scope = input.scope === 'all' ? 'all' : 'account';
    await ctx.repository.consentLedger.record({
      accountId: account.id,
      phoneNumber,
      action: 'opt_out',
      scope,
      source: input.source ?? 'api',
      keyword: null,
      at: ctx.now(),
    });
    const record = await ctx.repository.optOuts.get(account.id, phoneNumber);
    if (!record) throw new HttpProblem('conflict', { detail: 'The opt-out was changed meanwhile; try again.' });
    return reply.code(201).send(optOutView(record));
  });
  addRoute(app, 'DELETE', '/opt-outs/{phoneNumber}', async (request) => {
    const { account } = authOf(request);
    const phoneNumber = phoneParam((request.params as { phoneNumber: string }).phoneNumber);
    const removed = await ctx.repository.consentLedger.record({
      accountId: account.id,
      phoneNumber,
      action: 'opt_in',
      scope: 'account',
      source: 'api',
      keyword: null,
      at: ctx.now(),
    });
    if (!removed) throw new HttpProblem('not_found');
    return { phoneNumber, deleted: true };
  });
  addRoute(app, 'GET', '/consents', async (request) => {
    const { account } = authOf(request);
    const q = parseQuery(listConsentsParamsSchema, request.query);
    if (q.phoneNumber !== undefined) {
      const one = await ctx.repository.consents.get(account.id, normalizePhoneInput(q.phoneNumber));
      return { data: one ? [consentView(one)] : [], nextCursor: null };
    }
    const page = await ctx.repository.consents.list(account.id, {
      cursor: q.cursor ?? null,
      limit: q.limit ?? PAGE_LIMITS.defaultLimit,
    });
    return { data: page.data.map(consentView), nextCursor: page.nextCursor };
  });
  addRoute(app, 'POST', '/consents', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(createConsentRequestSchema, request.body);
    const now = ctx.now();
    const record = await ctx.repository.consents.add({
      accountId: account.id,
      phoneNumber: normalizePhoneInput(input.phoneNumber),
      source: input.source,
      proof: input.proof ?? null,
      consentedAt: input.consentedAt !== undefined ? Date.parse(input.consentedAt) : now,
      createdAt: now,
    });
    return reply.code(201).send(consentView(record));
  });
  addRoute(app, 'DELETE', '/consents/{phoneNumber}', async (request) => {
    const { account } = authOf(request);
    const phoneNumber = phoneParam((request.params as { phoneNumber: string }).phoneNumber);
    // The contract answers with the revoked consent (SDK consents.revoke), so read it before removing.
    const consent = await ctx.repository.consents.get(account.id, phoneNumber);
    if (!consent || !(await ctx.repository.consents.remove(account.id, phoneNumber))) {
      throw new HttpProblem('not_found');
    }
    return { ...consentView(consent), revokedAt: iso(ctx.now()) };
  });

  // --- webhook endpoints ----------------------------------------------------------------
  addRoute(app, 'POST', '/webhooks', async (request, reply) => {
    const { account } = authOf(request);
    const input = parseBody(createWebhookEndpointRequestSchema, request.body);
    const allow = options.allowPrivateWebhookUrls === true;
    const checked = await checkEndpointUrl(input.url, { allowHttp: allow, allowPrivateAddresses: allow });
    if (!checked.ok) {
      throw new HttpProblem('webhook_url_not_allowed', {
        errors: [{ pointer: '/url', code: 'webhook_url_not_allowed', detail: checked.message }],
      });
    }
    const now = ctx.now();
    const record = await ctx.repository.webhookEndpoints.create({
      id: createId('webhookEndpoint', { now }),
      accountId: account.id,
      url: checked.url,
      events: input.events ? [...input.events] : [],
      secret: generateWebhookSecret(),
      createdAt: now,
    });
    return reply.code(201).send({ ...webhookView(record), secret: record.secret });
  });
  addRoute(app, 'GET', '/webhooks', async (request) => {
    const { account } = authOf(request);
    const page = await ctx.repository.webhookEndpoints.list(account.id, pageOf(request.query));
    return { data: page.data.map(webhookView), nextCursor: page.nextCursor };
  });
  addRoute(app, 'GET', '/webhooks/{id}', async (request) => {
    const { account } = authOf(request);
    const endpoint = await ctx.repository.webhookEndpoints.get(account.id, (request.params as { id: string }).id);
    if (!endpoint) throw new HttpProblem('not_found');
    return webhookView(endpoint);
  });
  addRoute(app, 'DELETE', '/webhooks/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    if (!(await ctx.repository.webhookEndpoints.delete(account.id, id))) throw new HttpProblem('not_found');
    return { id, deleted: true };
  });
}
