import {
  createId,
  formatMoney,
  listMessagesParamsSchema,
  PAGE_LIMITS,
  parseSendMessageRequest,
  type SendRejected,
  toJsonPointer,
} from '@karvon/contract';
import { normalizePhoneInput } from '@karvon/sdk/phone';
import type { FastifyInstance } from 'fastify';
import { acceptMessages } from '../../messages/accept-messages';
import { messageView } from '../../messages/message-view';
import { splitBatchIssues } from '../../messages/split-batch-issues';
import type { MessageFilters } from '../../storage/repository';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { authOf } from '../plugins/authenticate';
import { idempotencyFold, sendFolded } from '../plugins/idempotency';
import { addRoute, parseQuery, validationProblem } from '../route';

type Query = { readonly [name: string]: unknown };

function parseTime(query: Query, name: string): number | undefined {
  const value = query[name];
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new HttpProblem('validation_failed', {
      errors: [{ pointer: toJsonPointer([name]), code: 'invalid_field', detail: 'Expected an RFC 3339 date-time' }],
    });
  }
  return t;
}

export function messageRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'POST', '/send', async (request, reply) => {
    const { account, mode } = authOf(request);
    let parsed = parseSendMessageRequest(request.body);
    let preRejected: Map<number, SendRejected> | undefined;
    if (!parsed.success) {
      // Bad items of a batch are rejected one by one; the rest still go.
      const split = splitBatchIssues(request.body, parsed.issues);
      const retry = split && parseSendMessageRequest(split.remaining);
      if (!split || !retry?.success) throw validationProblem(parsed.issues, request.body);
      parsed = retry;
      preRejected = split.rejected;
    }
    const fold = idempotencyFold(request);
    const outcome = await acceptMessages(ctx, {
      account,
      mode,
      request: parsed.data,
      ...(preRejected ? { preRejected } : {}),
      ...(fold ? { completeIdempotency: (response) => fold(200, response) } : {}),
    });
    if (outcome.kind === 'rejected') {
      throw new HttpProblem(outcome.code, {
        detail: outcome.detail,
        errors: [{ pointer: outcome.pointer, code: outcome.code, detail: outcome.detail }],
      });
    }
    if (outcome.kind === 'insufficient_balance') {
      const currency = outcome.currency;
      throw new HttpProblem('insufficient_balance', {
        detail: `The messages cost ${formatMoney({ amount: outcome.total, currency })}; the balance is ${formatMoney({ amount: outcome.balance, currency })}. Nothing was sent or charged.`,
      });
    }
    return sendFolded(request, reply, 200, outcome.response);
  });

  addRoute(app, 'GET', '/status/{id}', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    const message = await ctx.repository.messages.get(account.id, id);
    if (!message) throw new HttpProblem('not_found', { detail: 'No message with this id.' });
    return messageView(message);
  });

  addRoute(app, 'GET', '/messages', async (request) => {
    const { account } = authOf(request);
    const query = parseQuery(listMessagesParamsSchema, request.query);
    const filters: MessageFilters = {};
    if (query.status) filters.status = query.status;
    if (query.to) filters.to = normalizePhoneInput(query.to);
    if (query.type) filters.type = query.type;
    if (query.clientReference) filters.clientReference = query.clientReference;
    const after = parseTime(query, 'createdAfter');
    const before = parseTime(query, 'createdBefore');
    if (after !== undefined) filters.createdAfter = after;
    if (before !== undefined) filters.createdBefore = before;
    const page = await ctx.repository.messages.list(account.id, filters, {
      cursor: query.cursor ?? null,
      limit: query.limit ?? PAGE_LIMITS.defaultLimit,
    });
    return { data: page.data.map(messageView), nextCursor: page.nextCursor };
  });

  addRoute(app, 'POST', '/messages/{id}/cancel', async (request) => {
    const { account } = authOf(request);
    const { id } = request.params as { id: string };
    const now = ctx.now();
    const result = await ctx.repository.messages.cancel(account.id, id, {
      now,
      ledgerEntryId: createId('ledgerEntry', { now }),
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new HttpProblem('not_found', { detail: 'No message with this id.' });
      throw new HttpProblem('conflict', {
        detail: `Only scheduled or queued messages can be canceled; this one is ${result.status}.`,
      });
    }
    return messageView(result.message);
  });
}
