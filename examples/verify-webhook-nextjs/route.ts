// A Next.js App Router route handler: save it as app/api/webhooks/karvon/route.ts.
// It needs nothing from `next`: route handlers take and return Fetch types.
import { isKnownWebhookEvent, verifyWebhook, WebhookVerificationError } from '@karvon/sdk/webhooks';

// The SDK runs on both runtimes. On 'nodejs' it verifies with node:crypto
// synchronously; on 'edge' with Web Crypto.
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  // The raw-body trap: read the body as text FIRST. `await req.json()` (or any
  // middleware that parses it) would leave you a re-serialized object, whose
  // bytes no longer match the signature.
  const rawBody = await req.text();

  const secret = process.env.KARVON_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set KARVON_WEBHOOK_SECRET to the whsec_… secret of your webhook endpoint.');
  try {
    // While rotating, both secrets separated by a space: "whsec_new whsec_old".
    const event = await verifyWebhook(rawBody, req.headers, secret.trim().split(/\s+/));
    // Set aside event types newer than this SDK, then `event.type` narrows `event.data`.
    if (isKnownWebhookEvent(event) && event.type === 'message.inbound') {
      console.log(`inbound message ${event.data.id} received at ${event.data.receivedAt}`);
    }
    // Any 2xx acknowledges the delivery; retries of it keep the same `event.id`.
    return new Response(null, { status: 204 });
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) return Response.json({ error: error.reason }, { status: 400 });
    throw error;
  }
}
