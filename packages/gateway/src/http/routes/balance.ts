import type { Balance, LedgerEntryId, MessageId } from '@karvon/contract';
import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context';
import { authOf } from '../plugins/authenticate';
import { addRoute, parseLimit } from '../route';

export function balanceRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  addRoute(app, 'GET', '/balance', async (request): Promise<Balance> => {
    const { account } = authOf(request);
    const query = request.query as Record<string, string | undefined>;
    const [fresh, ledger] = await Promise.all([
      ctx.repository.accounts.get(account.id),
      ctx.repository.ledger.list(account.id, { limit: parseLimit(query.limit) }),
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
