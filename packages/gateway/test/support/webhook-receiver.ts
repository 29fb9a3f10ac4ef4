import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@karvon/sdk/webhooks';

export interface ReceivedEvent {
  webhookId: string;
  type: string;
  messageId: string | undefined;
  sequence: number | undefined;
  signatures: number;
}

/**
 * A customer's webhook endpoint on loopback: verifies every delivery with the SDK's
 * `verifyWebhook` (answering 400 to a bad one) and records what it accepted. `mode` switches it
 * between answering, hanging (never answering) and being down (connections refused).
 */
export async function startWebhookReceiver(input: { secret?: () => string; now?: () => Date; port?: number } = {}) {
  const received: ReceivedEvent[] = [];
  let rejected = 0;
  let mode: 'ok' | 'hang' = 'ok';
  const hanging = new Set<ServerResponse>();
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (mode === 'hang') {
      hanging.add(res);
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const event = await verifyWebhook(body, req.headers as Record<string, string>, input.secret?.() ?? '', {
        ...(input.now ? { now: input.now() } : {}),
      });
      const data = event.data as { messageId?: string; sequence?: number };
      received.push({
        webhookId: String(req.headers['webhook-id']),
        type: event.type,
        messageId: data.messageId,
        sequence: data.sequence,
        signatures: String(req.headers['webhook-signature']).split(' ').length,
      });
      res.writeHead(204).end();
    } catch {
      rejected++;
      res.writeHead(400).end();
    }
  };
  let server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(input.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = async () => {
    for (const res of hanging) res.destroy();
    hanging.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    rejected: () => rejected,
    setMode(next: 'ok' | 'hang') {
      mode = next;
    },
    /** Stops listening: deliveries now fail to connect. */
    down: close,
    /** Listens again on the same port. */
    async up() {
      server = createServer((req, res) => void handler(req, res));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close,
  };
}
