// A Karvon webhook receiver as a plain Fetch handler: `Request` in, `Response`
// out. The same code runs on Cloudflare Workers, Deno, Bun and Hono, and on
// Node through server.ts.
import {
  isKnownWebhookEvent,
  rawBodyFromRequest,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@karvon/sdk/webhooks';

export interface Env {
  /** `whsec_…` from the dashboard. While rotating, the new and the old one, separated by a space. */
  KARVON_WEBHOOK_SECRET: string;
}

export async function handleWebhook(request: Request, env: Env): Promise<Response> {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });

  // The raw-body trap: read the exact bytes before anything else reads the
  // body. `await request.json()` first would leave nothing to verify.
  const rawBody = await rawBodyFromRequest(request);

  let event: WebhookEvent;
  try {
    // Either secret may have signed the delivery while you rotate.
    event = await verifyWebhook(rawBody, request.headers, env.KARVON_WEBHOOK_SECRET.trim().split(/\s+/));
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) {
      // `reason` is a stable code: missing_headers, timestamp_too_old, no_matching_signature, …
      return Response.json({ error: error.reason }, { status: 400 });
    }
    throw error;
  }

  await onEvent(event);
  // Any 2xx acknowledges the delivery. Anything else, and Karvon retries it later.
  return new Response(null, { status: 204 });
}

async function onEvent(event: WebhookEvent): Promise<void> {
  // Event types added after this SDK version arrive as UnknownEvent: acknowledge them.
  // Once they are set aside, `switch (event.type)` narrows `event.data` in each case.
  if (!isKnownWebhookEvent(event)) return;
  // Retries of one delivery keep the same `event.id`: skip ids you have already handled.
  switch (event.type) {
    case 'message.delivered':
      console.log(`message ${event.data.messageId} delivered in ${event.data.segments} segment(s)`);
      break;
    case 'message.failed':
    case 'message.bounced':
      console.log(`message ${event.data.messageId} ${event.data.status}: ${event.data.error?.reason ?? 'no reason'}`);
      break;
    case 'message.inbound':
      console.log(`inbound message ${event.data.id} at ${event.data.receivedAt}`);
      break;
    case 'opt_out.changed':
      console.log(`a recipient opted ${event.data.optedOut ? 'out' : 'in'} via ${event.data.source}`);
      break;
    default:
      // The other message.* status events: nothing to do in this example.
      break;
  }
}

// The module shape Cloudflare Workers, Bun and Deno serve directly.
export default {
  fetch: (request: Request, env: Env): Promise<Response> => handleWebhook(request, env),
};
