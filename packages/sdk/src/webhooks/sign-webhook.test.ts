import { describe, expect, it } from 'vitest';
import { generateWebhookKeyPair } from './generate-webhook-key-pair';
import { signWebhook } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';
import type { WebhookVerificationError } from './webhook-verification-error';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const now = new Date(TIMESTAMP * 1000);

// RFC 8032 §7.1, TEST 1: an Ed25519 seed and the public key it must derive.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const hexToBase64 = (hex: string) => btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16))));

describe('signWebhook', () => {
  it('produces the reference test vector signature and the three headers', async () => {
    const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: SECRET });
    expect(headers).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('takes the timestamp as Unix seconds too', async () => {
    const headers = await signWebhook({ id: ID, timestamp: TIMESTAMP, body: BODY, secret: SECRET });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs the same bytes given as a string or as a Uint8Array', async () => {
    const fromBytes = await signWebhook({
      id: ID,
      timestamp: now,
      body: new TextEncoder().encode(BODY),
      secret: SECRET,
    });
    expect(fromBytes['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('defaults the timestamp to now', async () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = await signWebhook({ id: ID, body: BODY, secret: SECRET });
    const signedAt = Number(headers['webhook-timestamp']);
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('signs with every secret during a rotation, and each old and new receiver verifies', async () => {
    const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: [SECRET, OLD_SECRET] });
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures[0]).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    await expect(verifyWebhookSignature(BODY, headers, SECRET, { now })).resolves.toBeTruthy();
    await expect(verifyWebhookSignature(BODY, headers, OLD_SECRET, { now })).resolves.toBeTruthy();
  });

  it('refuses ids that would make the signed content ambiguous', async () => {
    for (const id of ['', 'msg.1', 'msg 1']) {
      await expect(signWebhook({ id, timestamp: now, body: BODY, secret: SECRET })).rejects.toThrow(TypeError);
    }
  });

  it('refuses an invalid timestamp', async () => {
    for (const timestamp of [new Date(Number.NaN), -1, 1.5]) {
      await expect(signWebhook({ id: ID, timestamp, body: BODY, secret: SECRET })).rejects.toThrow(TypeError);
    }
  });

  it('refuses a malformed secret, an empty list and a public key', async () => {
    for (const secret of ['whsec_***', [], `whpk_${hexToBase64(RFC8032_PUBLIC)}`]) {
      const error = await signWebhook({ id: ID, timestamp: now, body: BODY, secret }).catch((e: unknown) => e);
      expect((error as WebhookVerificationError).reason).toBe('malformed_secret');
    }
  });

  describe('asymmetric v1a (Ed25519)', () => {
    it('signs with a whsk_ seed so that the matching whpk_ public key verifies', async () => {
      const secretKey = `whsk_${hexToBase64(RFC8032_SEED)}`;
      const publicKey = `whpk_${hexToBase64(RFC8032_PUBLIC)}`;
      const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: secretKey });
      expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
      await expect(verifyWebhookSignature(BODY, headers, publicKey, { now })).resolves.toMatchObject({ scheme: 'v1a' });
    });

    it('accepts a 64-byte whsk_ key (seed followed by public key, as libsodium stores it)', async () => {
      const secretKey = `whsk_${hexToBase64(RFC8032_SEED + RFC8032_PUBLIC)}`;
      const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: secretKey });
      await expect(
        verifyWebhookSignature(BODY, headers, `whpk_${hexToBase64(RFC8032_PUBLIC)}`, { now }),
      ).resolves.toMatchObject({ scheme: 'v1a' });
    });

    it('is deterministic, as Ed25519 is', async () => {
      const secret = `whsk_${hexToBase64(RFC8032_SEED)}`;
      const a = await signWebhook({ id: ID, timestamp: now, body: BODY, secret });
      const b = await signWebhook({ id: ID, timestamp: now, body: BODY, secret });
      expect(a).toEqual(b);
    });

    it('rejects a tampered body and another public key', async () => {
      const pair = await generateWebhookKeyPair();
      const other = await generateWebhookKeyPair();
      const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: pair.secretKey });
      const tampered = await verifyWebhookSignature(`${BODY} `, headers, pair.publicKey, { now }).catch((e) => e);
      expect((tampered as WebhookVerificationError).reason).toBe('no_matching_signature');
      const wrongKey = await verifyWebhookSignature(BODY, headers, other.publicKey, { now }).catch((e) => e);
      expect((wrongKey as WebhookVerificationError).reason).toBe('no_matching_signature');
    });

    it('signs with a symmetric and an asymmetric key at once; each receiver verifies its own', async () => {
      const pair = await generateWebhookKeyPair();
      const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: [SECRET, pair.secretKey] });
      expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1a,\S+$/);
      await expect(verifyWebhookSignature(BODY, headers, SECRET, { now })).resolves.toMatchObject({ scheme: 'v1' });
      await expect(verifyWebhookSignature(BODY, headers, pair.publicKey, { now })).resolves.toMatchObject({
        scheme: 'v1a',
      });
    });

    it('refuses to verify with a whsk_ signing key and says to use the public key', async () => {
      const pair = await generateWebhookKeyPair();
      const headers = await signWebhook({ id: ID, timestamp: now, body: BODY, secret: pair.secretKey });
      const error = await verifyWebhookSignature(BODY, headers, pair.secretKey, { now }).catch((e) => e);
      expect((error as WebhookVerificationError).reason).toBe('malformed_secret');
      expect((error as Error).message).toContain('whpk_');
    });

    it('rejects whpk_ and whsk_ keys of the wrong length', async () => {
      const short = `whpk_${hexToBase64(RFC8032_PUBLIC.slice(0, 62))}`;
      const error = await verifyWebhookSignature(
        BODY,
        { 'webhook-id': ID, 'webhook-timestamp': String(TIMESTAMP), 'webhook-signature': 'v1a,x' },
        short,
        { now },
      ).catch((e) => e);
      expect((error as WebhookVerificationError).reason).toBe('malformed_secret');
      const signError = await signWebhook({
        id: ID,
        timestamp: now,
        body: BODY,
        secret: `whsk_${hexToBase64('00'.repeat(48))}`,
      }).catch((e) => e);
      expect((signError as WebhookVerificationError).reason).toBe('malformed_secret');
    });
  });
});
