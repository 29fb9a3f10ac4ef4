// Verifying Karvon webhooks in Fastify. Run with `npm install fastify` and
// `KARVON_WEBHOOK_SECRET=whsec_… node app.ts` (fastify.d.ts explains the types).
import { isKnownWebhookEvent, rawBodyFromFastify, verifyWebhook, WebhookVerificationError } from '@karvon/sdk/webhooks';
import Fastify from 'fastify';

const secret = process.env.KARVON_WEBHOOK_SECRET;
if (!secret) throw new Error('Set KARVON_WEBHOOK_SECRET to the whsec_… secret of your webhook endpoint.');
// While rotating, both secrets separated by a space: "whsec_new whsec_old".
const secrets = secret.trim().split(/\s+/);

const app = Fastify({ logger: true });

// The raw-body trap: Fastify parses JSON bodies before the handler runs, and
// the exact bytes that were signed are gone. Inside this encapsulated plugin
// only, application/json stays the raw Buffer; routes registered outside it
// still get parsed JSON.
app.register(async (webhooks) => {
  webhooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  webhooks.post('/webhooks/karvon', async (request, reply) => {
    try {
      const event = await verifyWebhook(rawBodyFromFastify(request), request.headers, secrets);
      // Set aside event types newer than this SDK, then `event.type` narrows `event.data`.
      if (isKnownWebhookEvent(event) && event.type === 'opt_out.changed') {
        console.log(`a recipient opted ${event.data.optedOut ? 'out' : 'in'}`);
      }
      // Any 2xx acknowledges the delivery; retries of it keep the same `event.id`.
      return reply.code(204).send();
    } catch (error) {
      if (WebhookVerificationError.isInstance(error)) return reply.code(400).send({ error: error.reason });
      throw error;
    }
  });
});

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
