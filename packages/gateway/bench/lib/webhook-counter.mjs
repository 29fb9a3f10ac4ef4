// The customer's webhook endpoint in the carriers benchmark: a plain loopback HTTP server that
// counts `message.delivered` deliveries by their `webhook-id` and answers 204. Verifying every
// signature would spend the bench process's CPU (it also runs the load), so only every
// `verifyEvery`-th delivery is checked with the SDK's verifyWebhook; the failures are counted.
import { createServer } from 'node:http';
import { verifyWebhook } from '@karvon/sdk/webhooks';

// Read from the raw body without parsing it: cheap enough for every delivery.
const MESSAGE_ID = /"messageId":"([^"]+)"/;
const EVENT_TYPE = /"type":"([^"]+)"/;

/**
 * @param {{ verifyEvery?: number, path?: string }} [options]
 * @returns {Promise<{ url: string, setSecret(secret: string): void, count(): number,
 *   summary(): { received: number, distinctIds: number, duplicates: number, distinctMessages: number,
 *     otherTypes: number, verified: number, verifyFailures: number, firstFailure: string | undefined },
 *   close(): Promise<void> }>}
 *   count: distinct webhook-ids received (a redelivery of the same event is not counted twice).
 *   duplicates: deliveries whose webhook-id had been received before.
 */
export async function startWebhookCounter({ verifyEvery = 100, path = '/hooks' } = {}) {
  const ids = new Set();
  const messages = new Set();
  let received = 0;
  let otherTypes = 0;
  let verified = 0;
  let verifyFailures = 0;
  let firstFailure;
  let secret = '';
  const pending = new Set();

  const verifySample = (body, headers) => {
    verified += 1;
    const check = verifyWebhook(body, headers, secret).catch((error) => {
      verifyFailures += 1;
      firstFailure ??= `${error.name}: ${error.message}`;
    });
    pending.add(check);
    check.finally(() => pending.delete(check));
  };

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.once('end', () => {
      received += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id']);
      ids.add(id);
      const messageId = MESSAGE_ID.exec(body)?.[1];
      if (messageId !== undefined) messages.add(messageId);
      if (EVENT_TYPE.exec(body)?.[1] !== 'message.delivered') otherTypes += 1;
      if (received % verifyEvery === 1 || verifyEvery === 1) verifySample(body, request.headers);
      response.writeHead(204);
      response.end();
    });
  });
  // Node drops idle keep-alive connections after 5 s; the sender's pool would reconnect after every lull.
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${path}`,
    /** The endpoint's secret, known only once it is registered (POST /webhooks answers it). */
    setSecret(value) {
      secret = value;
    },
    count: () => ids.size,
    summary: () => ({
      received,
      distinctIds: ids.size,
      duplicates: received - ids.size,
      distinctMessages: messages.size,
      otherTypes,
      verified,
      verifyFailures,
      firstFailure,
    }),
    close: async () => {
      await Promise.all([...pending]);
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
