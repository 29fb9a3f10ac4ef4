import { describe, expect, it } from 'vitest';
import { generateWebhookKeyPair } from './generate-webhook-key-pair';
import { generateWebhookSecret } from './generate-webhook-secret';
import { decodeBase64 } from './internal/base64';

describe('generateWebhookSecret', () => {
  it('returns whsec_ and the base64 of 32 random bytes by default', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(decodeBase64(secret.slice('whsec_'.length))).toHaveLength(32);
  });

  it('takes 24 to 64 bytes, as the specification allows', () => {
    expect(decodeBase64(generateWebhookSecret({ bytes: 24 }).slice(6))).toHaveLength(24);
    expect(decodeBase64(generateWebhookSecret({ bytes: 64 }).slice(6))).toHaveLength(64);
    for (const bytes of [23, 65, 32.5]) expect(() => generateWebhookSecret({ bytes })).toThrow(RangeError);
  });

  it('never repeats itself', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateWebhookSecret()));
    expect(secrets.size).toBe(200);
  });
});

describe('generateWebhookKeyPair', () => {
  it('returns a whsk_ 32-byte seed and a whpk_ 32-byte public key', async () => {
    const { secretKey, publicKey } = await generateWebhookKeyPair();
    expect(decodeBase64(secretKey.slice('whsk_'.length))).toHaveLength(32);
    expect(decodeBase64(publicKey.slice('whpk_'.length))).toHaveLength(32);
    const other = await generateWebhookKeyPair();
    expect(other.secretKey).not.toBe(secretKey);
  });
});
