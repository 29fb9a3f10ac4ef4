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
      // The wire Message has no body; an export adds it (null once redacted by retention).
      messages: data.messages.map((m) => ({ ...messageView(m), body: m.body })),
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
      inboundMessages: data.inbound.map((m) => ({
        id: m.id,
        from: m.from,
        to: m.to,
        body: m.body,
        ...(m.keyword !== null ? { keyword: m.keyword } : {}),
        receivedAt: iso(m.receivedAt),
      })),
      consentHistory: data.consentHistory.map((c) => ({
        action: c.action,
        scope: c.scope,
        source: c.source,
        ...(c.keyword !== null ? { keyword: c.keyword } : {}),
        at: iso(c.at),
      })),
      exportedAt: iso(ctx.now()),
    };
  });
  // Policy (docs/guides/running-the-gateway.md): messages stay for the ledger
  // and the account's statistics, but their body, metadata, client reference
  // and number are erased (GET /status/{id} then shows `to: "erased"`);
  // consents are deleted; an opt-out stays, since honouring it needs the number.
  // Ledger rows keep their amounts and carry no number or body.
  addRoute(app, 'POST', '/privacy/erasure', async (request) => {
    const { account } = authOf(request);
    const phoneNumber = normalizePhoneInput(parseBody(privacyRequestSchema, request.body).phoneNumber);
    const now = ctx.now();
    const result = await ctx.repository.privacy.erase(account.id, phoneNumber, now);
    return {
      phoneNumber,
      erasedMessages: result.messagesRedacted,
      deletedConsents: result.consentsDeleted,
      keptOptOuts: result.optOutsKept,
      erasedAt: iso(now),
    };
  });
}
