import { privacyRequestSchema } from '@karvon/contract';
import { normalizePhoneInput } from '@karvon/sdk/phone';
import type { FastifyInstance } from 'fastify';
import { messageView } from '../../messages/message-view';
import type { GatewayContext } from '../gateway-context';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseBody } from '../route';

const iso = (ms: number) => new Date(ms).toISOString();

/** Data-subject requests by phone number (platform adapters' compliance webhooks call these). */
export function privacyRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'POST', '/privacy/export', async (request) => {
    const { account } = authOf(request);
    const phoneNumber = normalizePhoneInput(parseBody(privacyRequestSchema, request.body).phoneNumber);
    const data = await ctx.repository.privacy.export(account.id, phoneNumber);
    return {
      phoneNumber,
      messages: data.messages.map(messageView),
      optOuts: data.optOuts.map((o) => ({
        phoneNumber: o.phoneNumber,
        scope: o.scope,
        source: o.source,
        ...(o.keyword !== null ? { keyword: o.keyword } : {}),
        createdAt: iso(o.createdAt),
      })),
      consents: data.consents.map((c) => ({
        phoneNumber: c.phoneNumber,
        source: c.source,
        ...(c.proof !== null ? { proof: c.proof } : {}),
        consentedAt: iso(c.consentedAt),
      })),
      exportedAt: iso(ctx.now()),
    };
  });
  // Policy: bodies, metadata and the number are erased from messages and
  // consents are deleted; an opt-out stays, since honouring it needs the number.
  addRoute(app, 'POST', '/privacy/erasure', async (request) => {
    const { account } = authOf(request);
    const phoneNumber = normalizePhoneInput(parseBody(privacyRequestSchema, request.body).phoneNumber);
    const now = ctx.now();
    const result = await ctx.repository.privacy.erase(account.id, phoneNumber, now);
    return { phoneNumber, erasedMessages: result.messagesRedacted, erasedAt: iso(now) };
  });
}
