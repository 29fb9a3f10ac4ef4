import { type AdminRouteContext, GATEWAY_CALL_OPTIONS } from './admin-route';
import { connectionView } from './connection-view';
import { type DisplayMoney, formatMoney } from './format-money';
import { gatewayProblem } from './gateway-problem';
import { jsonResponse } from './json-response';

/**
 * `GET /api/overview`: everything the page shows first, in one round trip. The balance comes live
 * from the gateway; when it cannot be read the rest still answers, with the reason in `balanceError`.
 */
export async function getOverview(ctx: AdminRouteContext): Promise<Response> {
  const { store } = ctx.deps;
  const [connection, settings, inbox] = await Promise.all([
    store.connections.get(ctx.shop),
    store.settings.get(ctx.shop),
    store.inbox.counts(ctx.shop),
  ]);
  let balance: DisplayMoney | null = null;
  let balanceError: string | null = null;
  if (connection) {
    try {
      const answer = await ctx.deps.karvonFor(connection).balance.get(GATEWAY_CALL_OPTIONS);
      balance = formatMoney(answer.balance);
    } catch (error) {
      balanceError = gatewayProblem(error).message;
    }
  }
  return jsonResponse(200, {
    shop: ctx.shop,
    connection: connection ? connectionView(connection) : null,
    settings: { enabled: settings.enabled, defaultLocale: settings.defaultLocale, shopName: settings.shopName },
    balance,
    balanceError,
    inbox,
  });
}
