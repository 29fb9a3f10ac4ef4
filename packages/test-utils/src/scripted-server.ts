import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the scripted server received it. Header names are lower-case. */
export interface ScriptedRequest {
  method: string;
  /** Path and query, e.g. `/items?cursor=abc`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (undefined when empty or not JSON). */
  json: unknown;
}

/**
 * One scripted answer. `body` objects are sent as JSON (as `application/problem+json` when the
 * status is >= 400 and no content-type is given), strings as they are. `stall` never answers (the
 * socket stays open until the client gives up); `stallBody` sends headers, then never the body;
 * `destroy` drops the connection without a response.
 */
export type ScriptedReply =
  | { status?: number; headers?: Record<string, string>; body?: unknown }
  | { stall: true }
  | { stallBody: true; status?: number; headers?: Record<string, string> }
  | { destroy: true };

export type ScriptedHandler = ScriptedReply | ((request: ScriptedRequest) => ScriptedReply | Promise<ScriptedReply>);

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in order. */
  requests: ScriptedRequest[];
  /** Queues replies, consumed one per request in order, before any route. */
  reply(...replies: ScriptedHandler[]): void;
  /** Answers every `method path` request (path without query) once the queue is empty. */
  route(method: string, path: string, handler: ScriptedHandler): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 with a random port that answers from a script, for testing clients
 * against real sockets (retries, timeouts, connection drops) without mocking fetch. A request with
 * no scripted reply gets a 599 whose body says so, so a test fails loudly instead of hanging.
 */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const queue: ScriptedHandler[] = [];
  const routes = new Map<string, ScriptedHandler>();
  const requests: ScriptedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: ScriptedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(request);
      const handler = queue.shift() ?? routes.get(`${request.method} ${request.path}`);
      if (handler === undefined) {
        send(res, { status: 599, body: { detail: `no scripted reply for ${request.method} ${request.url}` } });
        return;
      }
      Promise.resolve(typeof handler === 'function' ? handler(request) : handler).then(
        (reply) => send(res, reply),
        (error: unknown) => send(res, { status: 599, body: { detail: `scripted handler threw: ${String(error)}` } }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    route: (method, path, handler) => routes.set(`${method.toUpperCase()} ${path}`, handler),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Stalled sockets would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, reply: ScriptedReply): void {
  if ('stall' in reply) return;
  if ('destroy' in reply) {
    res.socket?.destroy();
    return;
  }
  if ('stallBody' in reply) {
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.write('{');
    return;
  }
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (typeof reply.body === 'string') {
    payload = reply.body;
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['content-type'] = status >= 400 ? 'application/problem+json' : 'application/json';
    }
  }
  res.writeHead(status, headers);
  res.end(payload);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
