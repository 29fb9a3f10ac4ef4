import { WebhookVerificationError } from './webhook-verification-error';

/** A Fetch `Request`, or anything with the same body methods. */
export interface RequestLike {
  readonly bodyUsed?: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The exact bytes of a Fetch `Request` body: Next.js route handlers, Remix,
 * Hono, SvelteKit, Deno, Bun and workers. Bytes rather than `await req.text()`,
 * which also works for UTF-8 JSON but silently rewrites invalid UTF-8 and
 * drops a byte-order mark. Read the body once: call this before anything else
 * reads it (or pass `request.clone()`).
 */
export async function rawBodyFromRequest(request: RequestLike): Promise<Uint8Array> {
  if (request.bodyUsed === true) {
    throw new WebhookVerificationError(
      'raw_body_unavailable',
      'The request body was already read. Get the raw body first, or pass request.clone().',
    );
  }
  return new Uint8Array(await request.arrayBuffer());
}
