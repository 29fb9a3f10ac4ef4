import { pickRawBody } from './internal/pick-raw-body';

/** The parts of a Fastify request this helper reads (no dependency on fastify). */
export interface FastifyLikeRequest {
  body?: unknown;
  rawBody?: unknown;
}

/**
 * The raw body of a Fastify request, for `verifyWebhook`.
 *
 * Fastify parses JSON bodies by default, losing the signed bytes. Either keep
 * them with a content-type parser (in an encapsulated plugin holding only the
 * webhook route):
 *
 *     app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
 *
 * or register the `fastify-raw-body` plugin and set `config: { rawBody: true }`
 * on the route; `request.rawBody` is used when present.
 */
export function rawBodyFromFastify(request: FastifyLikeRequest): Uint8Array | string {
  return pickRawBody(
    [request.rawBody, request.body],
    "Add a content-type parser with parseAs: 'buffer' for the webhook route, or the fastify-raw-body plugin.",
  );
}
