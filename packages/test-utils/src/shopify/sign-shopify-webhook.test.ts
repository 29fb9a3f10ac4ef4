import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, shopifyApi } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { signShopifyWebhook } from './sign-shopify-webhook';

const shopify = shopifyApi({
  apiKey: 'client-id',
  apiSecretKey: 'client-secret',
  hostName: 'app.example.com',
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { level: 0 },
});

function deliver(signed: { headers: Record<string, string>; body: string }) {
  const rawRequest = new Request('https://app.example.com/webhooks/shopify', {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  });
  return shopify.webhooks.validate({ rawBody: signed.body, rawRequest });
}

describe('signShopifyWebhook', () => {
  const options = {
    secret: 'client-secret',
    topic: 'customers_marketing_consent/update',
    shop: 'a.myshopify.com',
    eventId: 'evt-1',
    apiVersion: '2026-10',
    body: { customer_id: 1, phone_number: '+998901234567' },
  };

  it('signs a delivery that @shopify/shopify-api validates', async () => {
    const signed = signShopifyWebhook(options);
    const result = await deliver(signed);
    expect(result).toMatchObject({
      valid: true,
      topic: 'CUSTOMERS_MARKETING_CONSENT_UPDATE',
      domain: 'a.myshopify.com',
    });
    expect(signed.headers['X-Shopify-Event-Id']).toBe('evt-1');
  });

  it('signs the exact bytes given as a string', async () => {
    const raw = '{ "customer_id": 706405506930370084 }';
    const signed = signShopifyWebhook({ ...options, body: raw });
    expect(signed.body).toBe(raw);
    expect((await deliver(signed)).valid).toBe(true);
  });

  it('does not validate with another secret or a changed body', async () => {
    expect((await deliver(signShopifyWebhook({ ...options, secret: 'other' }))).valid).toBe(false);
    const signed = signShopifyWebhook(options);
    expect((await deliver({ ...signed, body: signed.body.replace('998', '997') })).valid).toBe(false);
  });
});
