// Serves handler.ts on Node with node:http: converts the incoming request
// into a Fetch `Request` and writes the `Response` back.
// Run it with `KARVON_WEBHOOK_SECRET=whsec_… npm start` (Node >= 22.18 strips the types).
import { createServer } from 'node:http';
import { rawBodyFromStream } from '@karvon/sdk/webhooks';
import worker, { type Env } from './handler.ts';

const secret = process.env.KARVON_WEBHOOK_SECRET;
if (!secret) throw new Error('Set KARVON_WEBHOOK_SECRET to the whsec_… secret of your webhook endpoint.');
const env: Env = { KARVON_WEBHOOK_SECRET: secret };
const port = Number(process.env.PORT ?? 3000);

const server = createServer(async (req, res) => {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
      method: req.method ?? 'GET',
      headers,
      // The body's bytes exactly as received: the signature covers them.
      body: hasBody ? new Uint8Array(await rawBodyFromStream(req)) : null,
    });
    const response = await worker.fetch(request, env);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`POST webhooks to http://127.0.0.1:${port}/webhooks/karvon`);
});
