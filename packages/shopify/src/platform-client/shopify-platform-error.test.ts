import { APIError, KarvonError } from '@karvon/sdk';
import { describe, expect, it } from 'vitest';
import { ShopifyPlatformError } from './shopify-platform-error';

describe('ShopifyPlatformError', () => {
  it('is a KarvonError with a stable name and the status its code maps to', () => {
    const error = new ShopifyPlatformError({
      code: 'throttled',
      message: 'slow down',
      shop: 'a.myshopify.com',
      attempts: 3,
    });
    expect(KarvonError.isInstance(error)).toBe(true);
    expect(ShopifyPlatformError.isInstance(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(false);
    expect(error.name).toBe('ShopifyPlatformError');
    expect(error.status).toBe(429);
  });

  it('serialises the fields a log needs', () => {
    const error = new ShopifyPlatformError({
      code: 'reauthorization_required',
      message: 'refresh refused',
      shop: 'a.myshopify.com',
      shopifyStatus: 400,
      shopifyCodes: ['invalid_grant'],
    });
    expect(error.toJSON()).toEqual({
      name: 'ShopifyPlatformError',
      message: 'refresh refused',
      code: 'reauthorization_required',
      status: 401,
      shop: 'a.myshopify.com',
      shopifyStatus: 400,
      shopifyCodes: ['invalid_grant'],
      attempts: 1,
      retryAfterMs: undefined,
      retryable: false,
    });
  });
});
