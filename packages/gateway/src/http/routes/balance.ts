import { type Balance, type LedgerEntryId, listParamsSchema, type MessageId, PAGE_LIMITS } from '@karvon/contract';
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseQuery } from '../route';

export function balanceRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'GET', '/balance', async (request): Promise<Balance> => {
    const { account } = authOf(request);
    const query = parseQuery(listParamsSchema, request.query);
    const [fresh, ledger] = await Promise.all([
      ctx.repository.accounts.get(account.id),
      ctx.repository.ledger.list(account.id, { limit: query.limit ?? PAGE_LIMITS.defaultLimit }),
    ]);
    const current = fresh ?? account;
    return {
      balance: { amount: current.balance, currency: current.currency },
      ledger: ledger.data.map((l) => ({
        id: l.id as LedgerEntryId,
        amount: { amount: l.amount, currency: l.currency },
        reason: l.reason,
        ...(l.messageId !== null ? { messageId: l.messageId as MessageId } : {}),
        createdAt: new Date(l.createdAt).toISOString(),
      })),
    };
  });
}
