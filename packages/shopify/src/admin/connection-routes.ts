import { randomBytes } from 'node:crypto';
import { APIError, type WebhookEndpointId } from '@karvon/sdk';
import { z } from 'zod';
import type { ShopConnection } from '../storage/shopify-store';
import { type AdminRouteContext, GATEWAY_CALL_OPTIONS } from './admin-route';
import { connectionView } from './connection-view';
import { gatewayProblem } from './gateway-problem';
import { GATEWAY_WEBHOOK_EVENTS, gatewayWebhookUrl } from './gateway-webhook-events';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';

// The contract's sender rule (SENDER_PATTERN): an alphanumeric ID of up to 11 characters with at
// least one letter, or a phone number / short code of 3 to 15 digits.
const SENDER_ID = /^(?:\+?[0-9]{3,15}|(?=[A-Za-z0-9 ._&-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 ._&-]{0,10})$/;

const connectionBody = z.strictObject({
  apiKey: z.string().trim().min(20, 'Paste the whole API key').max(200).regex(/^\S+$/, 'An API key has no spaces'),
  senderId: z.string().trim().regex(SENDER_ID, 'Use up to 11 letters and digits, or a phone number'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'Use the http(s) address of your Karvon gateway' })
    .max(2048)
    .optional(),
});

/** `con_` and 20 random base64url characters: the path segment of the connection's gateway webhook. */
function newConnectionId(): string {
  return `con_${randomBytes(15).toString('base64url')}`;
}

/**
 * Removes a connection's endpoint at its gateway. Best effort: a key revoked meanwhile must not
 * keep the merchant from reconnecting or disconnecting. Answers a warning to show, or null.
 */
async function removeEndpoint(ctx: AdminRouteContext, connection: ShopConnection): Promise<string | null> {
  if (!connection.webhookEndpointId) return null;
  try {
    await ctx.deps
      .karvonFor(connection)
      .webhookEndpoints.delete(connection.webhookEndpointId as WebhookEndpointId, GATEWAY_CALL_OPTIONS);
    return null;
  } catch (error) {
    // Already gone at the gateway: what we wanted.
    if (APIError.isInstance(error) && error.status === 404) return null;
    const problem = gatewayProblem(error);
    ctx.deps.logger?.warn('could not remove the gateway webhook endpoint', {
      shop: ctx.shop,
      connectionId: connection.connectionId,
      code: problem.code,
    });
    return `The previous webhook endpoint ${connection.webhookEndpointId} could not be removed at ${connection.karvonBaseUrl} (${problem.message}); delete it there.`;
  }
}

/**
 * `PUT /api/connection`: checks the key against the gateway (balance), registers a webhook endpoint
 * at a new path naming the connection, stores both, then removes the previous endpoint. The new
 * endpoint exists before the old one goes, so no status update falls between them.
 */
export async function putConnection(ctx: AdminRouteContext): Promise<Response> {
  const input = await readJsonBody(ctx.request, connectionBody);
  const karvonBaseUrl = (input.baseUrl ?? ctx.deps.defaultKarvonBaseUrl).replace(/\/+$/, '');
  const karvon = ctx.deps.karvonFor({ karvonApiKey: input.apiKey, karvonBaseUrl });
  try {
    await karvon.balance.get(GATEWAY_CALL_OPTIONS);
  } catch (error) {
    throw gatewayProblem(error);
  }

  const previous = await ctx.deps.store.connections.get(ctx.shop);
  const connectionId = newConnectionId();
  let endpoint: { id: string; secret: string };
  try {
    endpoint = await karvon.webhookEndpoints.create(
      {
        url: gatewayWebhookUrl(ctx.deps.appUrl, connectionId),
        events: [...GATEWAY_WEBHOOK_EVENTS],
        description: `Shopify ${ctx.shop}`,
      },
      GATEWAY_CALL_OPTIONS,
    );
  } catch (error) {
    throw gatewayProblem(error);
  }

  let saved: ShopConnection;
  try {
    saved = await ctx.deps.store.connections.upsert({
      shop: ctx.shop,
      connectionId,
      karvonBaseUrl,
      karvonApiKey: input.apiKey,
      senderId: input.senderId,
      webhookEndpointId: endpoint.id,
      webhookSecret: endpoint.secret,
    });
  } catch (error) {
    // Nothing points at the new endpoint: take it back so the gateway does not post into the void.
    await karvon.webhookEndpoints.delete(endpoint.id as WebhookEndpointId, GATEWAY_CALL_OPTIONS).catch(() => {});
    throw error;
  }

  const warnings: string[] = [];
  if (previous) {
    const warning = await removeEndpoint(ctx, previous);
    if (warning) warnings.push(warning);
  }
  ctx.deps.logger?.info('shop connected to Karvon', { shop: ctx.shop, connectionId, replaced: previous !== null });
  return jsonResponse(200, { connection: connectionView(saved), warnings });
}

/** `DELETE /api/connection`: removes the gateway endpoint (best effort), then the stored connection. */
export async function deleteConnection(ctx: AdminRouteContext): Promise<Response> {
  const connection = await ctx.deps.store.connections.get(ctx.shop);
  if (!connection) return jsonResponse(200, { disconnected: false, warnings: [] });
  const warning = await removeEndpoint(ctx, connection);
  await ctx.deps.store.connections.delete(ctx.shop);
  ctx.deps.logger?.info('shop disconnected from Karvon', { shop: ctx.shop, connectionId: connection.connectionId });
  return jsonResponse(200, { disconnected: true, warnings: warning ? [warning] : [] });
}
