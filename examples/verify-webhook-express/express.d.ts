// A minimal stand-in for the `express` and `@types/express` packages, so that
// this example type-checks in the Karvon repository without installing them.
// In a real app, delete this file and `npm install express @types/express`:
// app.ts is written against the real API and compiles unchanged.
declare module 'express' {
  import type { IncomingHttpHeaders, Server } from 'node:http';

  export interface Request {
    headers: IncomingHttpHeaders;
    body: unknown;
  }
  export interface Response {
    status(code: number): Response;
    json(body: unknown): Response;
    sendStatus(code: number): Response;
  }
  export type NextFunction = (error?: unknown) => void;
  export type RequestHandler = (req: Request, res: Response, next: NextFunction) => void | Promise<void>;
  export interface Express {
    use(...handlers: RequestHandler[]): Express;
    post(path: string, ...handlers: RequestHandler[]): Express;
    listen(port: number, host: string, callback?: () => void): Server;
  }
  interface ExpressStatic {
    (): Express;
    raw(options: { type: string }): RequestHandler;
    json(): RequestHandler;
  }
  const express: ExpressStatic;
  export default express;
}
