// Verifying Karvon webhooks in Express. Run with `npm install express` and
// `KARVON_WEBHOOK_SECRET=whsec_… node app.ts` (express.d.ts explains the types).
import { isKnownWebhookEvent, rawBodyFromExpress, verifyWebhook, WebhookVerificationError } from '@karvon/sdk/webhooks';
import express from 'express';

const secret = process.env.KARVON_WEBHOOK_SECRET;
if (!secret) throw new Error('Set KARVON_WEBHOOK_SECRET to the whsec_… secret of your webhook endpoint.');
// While rotating, both secrets separated by a space: "whsec_new whsec_old".
const secrets = secret.trim().split(/\s+/);

const app = express();

// The raw-body trap: `express.json()` parses the body, and the exact bytes that
// were signed are gone. The webhook route gets its own `express.raw()`, and is
// registered BEFORE the global JSON parser, so `req.body` is a Buffer here.
app.post('/webhooks/karvon', express.raw({ type: 'application/json' }), async (req, res, next) => {
  try {
    const event = await verifyWebhook(rawBodyFromExpress(req), req.headers, secrets);
    // Set aside event types newer than this SDK, then `event.type` narrows `event.data`.
    if (isKnownWebhookEvent(event) && event.type === 'message.delivered') {
      console.log(`message ${event.data.messageId} delivered`);
    }
    // Any 2xx acknowledges the delivery; retries of it keep the same `event.id`.
    res.sendStatus(204);
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) {
      res.status(400).json({ error: error.reason });
      return;
    }
    next(error);
  }
});

// Every other route parses JSON as usual.
app.use(express.json());

const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`POST webhooks to http://127.0.0.1:${port}/webhooks/karvon`));
