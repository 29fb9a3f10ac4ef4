// @vitest-environment edge-runtime
import { describe, expect, it, vi } from 'vitest';
import {
  generateWebhookKeyPair,
  generateWebhookSecret,
  rawBodyFromRequest,
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
} from './index';
import { nodeCryptoFrom } from './internal/hmac-sha256';

// Runs in the edge-runtime VM (the Vercel Edge / workers API surface: no Buffer,
// no process, Web Crypto only), to prove the subpath needs nothing from Node.
describe('webhooks on the edge runtime', () => {
  it('runs inside the edge runtime', () => {
    // vitest still leaks some Node globals into this VM, so the ban on Buffer
    // and process in src is enforced by the biome rule, not by this file.
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
  });

  it('signs and verifies a delivery read from a Request', async () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: 'evt_1', type: 'message.sent', timestamp: '2026-11-02T09:15:27Z', data: {} });
    const headers = await signWebhook({ id: 'evt_1', body, secret });
    const request = new Request('https://example.test/webhooks', { method: 'POST', headers, body });
    const event = await verifyWebhook(await rawBodyFromRequest(request), request.headers, secret);
    expect(event.type).toBe('message.sent');
  });

  it('reproduces the reference test vector', async () => {
    const headers = await signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('rejects a tampered body with a typed error', async () => {
    const secret = generateWebhookSecret();
    const headers = await signWebhook({ id: 'evt_1', body: '{"a":1}', secret });
    const error = await verifyWebhookSignature('{"a":2}', new Headers(headers), secret).catch((e: unknown) => e);
    expect(WebhookVerificationError.isInstance(error)).toBe(true);
    expect((error as WebhookVerificationError).reason).toBe('no_matching_signature');
  });

  it('signs and verifies Ed25519 (v1a)', async () => {
    const pair = await generateWebhookKeyPair();
    const headers = await signWebhook({ id: 'evt_2', body: '{}', secret: pair.secretKey });
    await expect(verifyWebhookSignature('{}', headers, pair.publicKey)).resolves.toMatchObject({ scheme: 'v1a' });
  });

  // A real edge runtime (Vercel Edge, workers without Node compatibility) has
  // no process.getBuiltinModule, so v1 HMACs go through Web Crypto. vitest's
  // edge-runtime VM leaks Node's whole `process`, getBuiltinModule included,
  // so the tests above take the node:crypto path; this one hides it.
  it('signs and verifies v1 through Web Crypto where process.getBuiltinModule is absent', async () => {
    const edgeProcess = { env: {} };
    expect(nodeCryptoFrom({ process: edgeProcess })).toBeUndefined();
    vi.resetModules();
    const fresh = await import('./index');
    // The runtime is probed once, on the first HMAC key prepared, which happens
    // synchronously inside the first call: hide `process` for that call only.
    vi.stubGlobal('process', edgeProcess);
    let signing: ReturnType<typeof fresh.signWebhook>;
    try {
      signing = fresh.signWebhook({
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      });
    } finally {
      vi.unstubAllGlobals();
    }
    const headers = await signing;
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    try {
      await expect(
        fresh.verifyWebhookSignature('{"test": 2432232314}', headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {
          now: new Date(1614265330 * 1000),
        }),
      ).resolves.toMatchObject({ scheme: 'v1' });
      expect(sign).toHaveBeenCalledTimes(1);
    } finally {
      sign.mockRestore();
    }
  });
});
