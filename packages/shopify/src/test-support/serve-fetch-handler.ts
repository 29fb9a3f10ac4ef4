import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebResponse, toWebRequest } from '../node-http/node-http-bridge';

export interface ServedHandler {
  url: string;
  close(): Promise<void>;
}

/** Serves a Web-standard `(Request) => Response` on 127.0.0.1:0 with node:http, for tests. */
export async function serveFetchHandler(handle: (request: Request) => Promise<Response>): Promise<ServedHandler> {
  let origin = '';
  const server = createServer(async (incoming, outgoing) => {
    try {
      await sendWebResponse(await handle(toWebRequest(incoming, origin)), outgoing);
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'text/plain' });
      outgoing.end(error instanceof Error ? error.message : 'error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
