import type { Socket } from 'node:net';
import { createId, createProblem, PROBLEM_CONTENT_TYPE } from '@karvon/contract';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import { matchRoute, type RouteScopeRule } from '../accounts/scopes';
import { optOutLinkRoutes } from '../opt-out-links/routes';
import type { GatewayContext } from './gateway-context';
import { apiVersionHook } from './plugins/api-version';
import { type AuthContext, authenticateHook } from './plugins/authenticate';
import { type IdempotencySlot, idempotencyOnSend, idempotencyPreHandler } from './plugins/idempotency';
import { nulGuardHook } from './plugins/nul-guard';
import { errorHandler, sendProblem } from './plugins/problem';
import { rateLimitHook } from './plugins/rate-limit';
import { accountResourceRoutes } from './routes/account-resources';
import { balanceRoutes } from './routes/balance';
import { eventStreamRoutes } from './routes/event-stream';
import { messageRoutes } from './routes/messages';
import { oauthRoutes } from './routes/oauth';
import { operatorRoutes } from './routes/operator';
import { privacyRoutes } from './routes/privacy';
import { systemRoutes } from './routes/system';
import { templateRoutes } from './routes/templates';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries';

declare module 'fastify' {
  interface FastifyRequest {
    apiVersion: string;
    auth: AuthContext | undefined;
    idempotency: IdempotencySlot | undefined;
  }
  interface FastifyContextConfig {
    rule?: RouteScopeRule;
  }
}

export interface ServerOptions {
  logger: Logger;
  bodyLimit: number;
  /** Trust X-Forwarded-For (behind a proxy); the IP allowlist reads the client address. */
  trustProxy?: boolean | string;
  /** Let webhook endpoints use http and private/loopback addresses (local development with the simulator). */
  allowPrivateWebhookUrls?: boolean;
  /** Serves the operator API (`/operator/...`) to this bearer token; absent = no operator API. */
  operatorToken?: string | undefined;
  /** Extra routes (other modules wire theirs here). */
  routes?: ReadonlyArray<(app: FastifyInstance, ctx: GatewayContext) => void>;
}

// Browsers call the API with a token provider: allow the headers the SDK sends
// and expose the ones it reads.
const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Karvon-Version, Karvon-SDK';
const CORS_EXPOSE_HEADERS =
  'Karvon-Request-Id, Karvon-Version, Retry-After, RateLimit, RateLimit-Policy, Idempotent-Replayed';
const METHODS = ['GET', 'POST', 'DELETE'] as const;

function cors(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Vary', 'Origin');
  reply.header('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a CR or LF
 * inside a header value, a NUL, a bad request line): problem+json like every
 * other error, with a request id, instead of Fastify's own JSON shape.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const requestId = createId('request');
  const problem = createProblem(timeout ? 'request_timeout' : 'invalid_request', {
    requestId,
    detail: timeout ? 'The request took too long to arrive.' : 'The request is not valid HTTP/1.1.',
  });
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${timeout ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Karvon-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The Fastify instance with every hook and route; not listening yet. */
export function buildServer(ctx: GatewayContext, options: ServerOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Per-request lines are off: at thousands of requests a second they cost more than the work.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    genReqId: () => createId('request'),
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // Strict JSON only: a proto-poisoning payload is a 400, not a silent strip.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    clientErrorHandler,
  });
  // JSON only: Fastify's built-in text/plain parser would let a string body reach validation.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('apiVersion', '');
  app.decorateRequest('auth', undefined);
  app.decorateRequest('idempotency', undefined);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Karvon-Request-Id', request.id);
    cors(request, reply);
  });
  app.addHook('onRequest', apiVersionHook);
  app.addHook('onRequest', authenticateHook(ctx));
  app.addHook('onRequest', rateLimitHook(ctx));
  app.addHook('preValidation', nulGuardHook);
  app.addHook('preHandler', idempotencyPreHandler(ctx));
  app.addHook('onSend', idempotencyOnSend(ctx));
  app.setErrorHandler(errorHandler);

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method === 'OPTIONS') {
      // CORS preflight for any known path.
      const allowed = METHODS.filter((m) => matchRoute(m, path));
      if (allowed.length > 0) {
        reply.header('Access-Control-Allow-Methods', allowed.join(', '));
        reply.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        reply.header('Access-Control-Max-Age', '600');
        return reply.code(204).send();
      }
    }
    const allowed = METHODS.filter((m) => matchRoute(m, path));
    if (allowed.length > 0) {
      return sendProblem(request, reply, 'method_not_allowed', {
        detail: `${path} accepts ${allowed.join(', ')}.`,
        headers: { Allow: allowed.join(', ') },
      });
    }
    return sendProblem(request, reply, 'not_found', { detail: 'No such endpoint.' });
  });

  systemRoutes(app, ctx);
  messageRoutes(app, ctx);
  templateRoutes(app, ctx);
  balanceRoutes(app, ctx);
  accountResourceRoutes(app, ctx, { allowPrivateWebhookUrls: options.allowPrivateWebhookUrls ?? false });
  webhookDeliveryRoutes(app, ctx);
  eventStreamRoutes(app, ctx);
  privacyRoutes(app, ctx);
  oauthRoutes(app, ctx);
  if (options.operatorToken) operatorRoutes(app, ctx, options.operatorToken);
  optOutLinkRoutes(app, ctx);
  for (const register of options.routes ?? []) register(app, ctx);
  return app;
}
