// A minimal stand-in for the `fastify` package's types, so that this example
// type-checks in the Karvon repository without installing it. In a real app,
// delete this file and `npm install fastify`: app.ts is written against the
// real API and compiles unchanged.
declare module 'fastify' {
  import type { IncomingHttpHeaders } from 'node:http';

  export interface FastifyRequest {
    headers: IncomingHttpHeaders;
    body: unknown;
  }
  export interface FastifyReply {
    code(statusCode: number): FastifyReply;
    send(payload?: unknown): FastifyReply;
  }
  type ParserDone = (error: Error | null, body?: unknown) => void;
  export interface FastifyInstance {
    addContentTypeParser(
      contentType: string | string[],
      options: { parseAs: 'buffer' },
      parser: (request: FastifyRequest, body: Buffer, done: ParserDone) => void,
    ): void;
    post(path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): FastifyInstance;
    register(plugin: (instance: FastifyInstance) => Promise<void>): FastifyInstance;
    listen(options: { port: number; host: string }): Promise<string>;
  }
  export default function Fastify(options?: { logger?: boolean }): FastifyInstance;
}
