import { pickRawBody } from './internal/pick-raw-body';

/** The parts of an Express request this helper reads (no dependency on express). */
export interface ExpressLikeRequest {
  body?: unknown;
  rawBody?: unknown;
}

/**
 * The raw body of an Express request, for `verifyWebhook`.
 *
 * The raw-body trap: `app.use(express.json())` parses every JSON body before
 * your route runs, and the exact bytes that were signed are lost. Give the
 * webhook route its own raw parser, registered before any global JSON parser:
 *
 *     app.post('/webhooks/karvon', express.raw({ type: 'application/json' }), async (req, res) => {
 *       const event = await verifyWebhook(rawBodyFromExpress(req), req.headers, secret);
 *       res.sendStatus(204);
 *     });
 *
 * `req.rawBody` (set by `express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })`)
 * is used when present.
 */
export function rawBodyFromExpress(request: ExpressLikeRequest): Uint8Array | string {
  return pickRawBody(
    [request.rawBody, request.body],
    "Mount express.raw({ type: 'application/json' }) on the webhook route, before express.json().",
  );
}
