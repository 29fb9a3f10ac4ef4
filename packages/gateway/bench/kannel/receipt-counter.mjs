import { createServer } from 'node:http';

/**
 * A loopback HTTP server that counts delivery-receipt callbacks: Kannel's `dlr-url` GETs here, and
 * a Karvon webhook can POST here. Every request is answered 200 with an empty body once its body
 * (ignored) has been read, so keep-alive connections stay reusable.
 *
 * `accept(url, request)` decides which requests count as receipts (default: all); the rest are
 * answered the same way and counted by ignored(). `url` is the request's parsed URL.
 *
 * @param {{ accept?: (url: URL, request: import('node:http').IncomingMessage) => boolean, path?: string }} [options]
 * @returns {Promise<{ url: string, count(): number, ignored(): number, close(): Promise<void> }>}
 *   url: `http://127.0.0.1:<port><path>`, the address to give the sender.
 */
export async function startReceiptCounter({ accept = () => true, path = '/receipts' } = {}) {
  let counted = 0;
  let ignored = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (accept(url, request)) counted += 1;
      else ignored += 1;
      response.writeHead(200, { 'content-length': 0 });
      response.end();
    });
  });
  // Node drops idle keep-alive connections after 5 s; a sender's pool would reconnect after every lull.
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
    count: () => counted,
    ignored: () => ignored,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
