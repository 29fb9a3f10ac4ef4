import type { WebhookRawBody } from '../webhook-raw-body';

const encoder = new TextEncoder();

/** The bytes a Standard Webhooks signature covers: `${id}.${timestamp}.${body}`. */
export function signedContent(id: string, timestamp: string, body: WebhookRawBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(`${id}.${timestamp}.${body}`);
  const bytes =
    body instanceof ArrayBuffer || isArrayBufferLike(body)
      ? new Uint8Array(body as ArrayBuffer)
      : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + bytes.length);
  content.set(prefix);
  content.set(bytes, prefix.length);
  return content;
}

function isArrayBufferLike(body: object): boolean {
  // An ArrayBuffer from another realm (edge-runtime's VM, an iframe) fails instanceof.
  return Object.prototype.toString.call(body) === '[object ArrayBuffer]';
}
