import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawBodyFromExpress } from './raw-body-from-express';
import { rawBodyFromFastify } from './raw-body-from-fastify';
import { rawBodyFromRequest } from './raw-body-from-request';
import { rawBodyFromStream } from './raw-body-from-stream';
import { signWebhook } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';
import { WebhookVerificationError } from './webhook-verification-error';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
// A BOM and a lone invalid UTF-8 byte: only an exact byte copy keeps these.
const BODY = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"type":"x","n":"'), 0xff, 0x22, 0x7d]);

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as WebhookVerificationError).reason;
  }
  return undefined;
};

describe('rawBodyFromRequest', () => {
  it('returns the exact bytes, which text() would have altered', async () => {
    const bytes = await rawBodyFromRequest(new Request('http://x/', { method: 'POST', body: BODY }));
    expect(bytes).toEqual(BODY);
    const viaText = new TextEncoder().encode(await new Request('http://x/', { method: 'POST', body: BODY }).text());
    expect(viaText).not.toEqual(BODY);
  });

  it('says so when the body was already read', async () => {
    const request = new Request('http://x/', { method: 'POST', body: 'x' });
    await request.text();
    await expect(rawBodyFromRequest(request)).rejects.toMatchObject({ reason: 'raw_body_unavailable' });
  });
});

describe('rawBodyFromExpress and rawBodyFromFastify', () => {
  it.each([
    ['express', rawBodyFromExpress],
    ['fastify', rawBodyFromFastify],
  ] as const)('%s: returns a Buffer body, a string body, or rawBody when present', (_name, fromFramework) => {
    const buffer = Buffer.from(BODY);
    expect(fromFramework({ body: buffer })).toBe(buffer);
    expect(fromFramework({ body: '{"a":1}' })).toBe('{"a":1}');
    expect(fromFramework({ body: { a: 1 }, rawBody: buffer })).toBe(buffer);
  });

  it('explains the raw-body trap when Express already parsed the JSON', () => {
    try {
      rawBodyFromExpress({ body: { type: 'message.sent' } });
      expect.unreachable();
    } catch (error) {
      expect(WebhookVerificationError.isInstance(error)).toBe(true);
      expect((error as WebhookVerificationError).reason).toBe('raw_body_unavailable');
      expect((error as Error).message).toContain("express.raw({ type: 'application/json' })");
    }
  });

  it('names the Fastify fix and reports a missing body', () => {
    expect(() => rawBodyFromFastify({ body: { a: 1 } })).toThrow(/parseAs: 'buffer'/);
    expect(reason(() => rawBodyFromFastify({}))).toBe('raw_body_unavailable');
  });
});

describe('rawBodyFromStream on a real node:http server', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  const seen: Array<{ status: number; reason?: string }> = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      try {
        const body = await rawBodyFromStream(req);
        await verifyWebhookSignature(body, req.headers, SECRET);
        seen.push({ status: 204 });
        res.statusCode = 204;
      } catch (error) {
        seen.push({ status: 400, reason: (error as WebhookVerificationError).reason });
        res.statusCode = 400;
      }
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies a signed delivery sent in several chunks and rejects a tampered one', async () => {
    const headers = await signWebhook({ id: 'evt_1', body: BODY, secret: SECRET });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(BODY.subarray(0, 5));
        controller.enqueue(BODY.subarray(5));
        controller.close();
      },
    });
    const ok = await fetch(url, {
      method: 'POST',
      headers: { ...headers },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(ok.status).toBe(204);
    const tampered = await fetch(url, { method: 'POST', headers: { ...headers }, body: BODY.slice(1) });
    expect(tampered.status).toBe(400);
    expect(seen.at(-1)).toEqual({ status: 400, reason: 'no_matching_signature' });
  });

  it('encodes string chunks as UTF-8', async () => {
    async function* chunks() {
      yield 'Salom, ';
      yield new TextEncoder().encode('dunyo ✓');
    }
    expect(new TextDecoder().decode(await rawBodyFromStream(chunks()))).toBe('Salom, dunyo ✓');
  });
});
