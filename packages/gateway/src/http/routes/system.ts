import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../../openapi/build-openapi';
import type { GatewayContext } from '../gateway-context';
import { HttpProblem } from '../http-problem';
import { addRoute } from '../route';

export function systemRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  // Liveness: the process answers. Readiness: it can reach its database.
  addRoute(app, 'GET', '/health', async () => ({ status: 'ok' }));
  addRoute(app, 'GET', '/ready', async () => {
    try {
      await ctx.repository.ping();
    } catch {
      throw new HttpProblem('service_unavailable', {
        detail: 'The database is not reachable.',
        headers: { 'Retry-After': '5' },
      });
    }
    // `checks` is the contract's Readiness; `database` names the dialect for operators.
    return { status: 'ready', checks: { database: 'ok' }, database: ctx.repository.dialect };
  });
  let document: unknown;
  addRoute(app, 'GET', '/openapi.json', async () => {
    document ??= buildOpenApi();
    return document;
  });
}
