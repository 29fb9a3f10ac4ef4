/**
 * The request headers, as any framework hands them over: a Fetch `Headers`
 * object, or a plain record in any letter case whose values may be arrays
 * (Node's `IncomingMessage.headers`, Express, Fastify, Koa).
 */
export type WebhookHeadersInput =
  | Headers
  | { readonly [name: string]: string | readonly string[] | undefined | null | number };

/** The three headers of the Standard Webhooks specification, as `signWebhook` returns them. */
// A type alias, not an interface, so it can be passed straight back as a header record.
export type WebhookSignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};
