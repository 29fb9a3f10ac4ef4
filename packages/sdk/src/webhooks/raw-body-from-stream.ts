/**
 * Reads a Node request stream (any async iterable of chunks) to its raw bytes:
 * plain `node:http`, or Next.js pages-router API routes with
 * `export const config = { api: { bodyParser: false } }`.
 */
export async function rawBodyFromStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
