import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, shopifyApi } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { mintSessionToken } from './mint-session-token';

const shopify = shopifyApi({
  apiKey: 'client-id',
  apiSecretKey: 'client-secret',
  hostName: 'app.example.com',
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { level: 0 },
});

describe('mintSessionToken', () => {
  it('mints a token @shopify/shopify-api accepts, with the documented claims', async () => {
    const token = mintSessionToken({
      shop: 'a.myshopify.com',
      apiKey: 'client-id',
      apiSecret: 'client-secret',
      userId: '7',
    });
    const payload = await shopify.session.decodeSessionToken(token);
    expect(payload).toMatchObject({
      iss: 'https://a.myshopify.com/admin',
      dest: 'https://a.myshopify.com',
      aud: 'client-id',
      sub: '7',
    });
    expect(payload.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(50);
  });

  it('mints expired tokens and tokens with the wrong key on request', async () => {
    const expired = mintSessionToken({
      shop: 'a.myshopify.com',
      apiKey: 'client-id',
      apiSecret: 'client-secret',
      expiresInS: -60,
    });
    const forged = mintSessionToken({ shop: 'a.myshopify.com', apiKey: 'client-id', apiSecret: 'other' });
    await expect(shopify.session.decodeSessionToken(expired)).rejects.toThrow();
    await expect(shopify.session.decodeSessionToken(forged)).rejects.toThrow();
  });
});
