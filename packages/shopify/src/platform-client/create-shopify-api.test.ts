import { LogSeverity } from '@shopify/shopify-api';
import { describe, expect, it } from 'vitest';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';
import { createShopifyApi } from './create-shopify-api';
import { testConfig } from './test-support/platform-harness';

describe('createShopifyApi', () => {
  it('is embedded, pinned to the app API version, and hosted at appUrl', () => {
    const shopify = createShopifyApi(testConfig({ appUrl: 'https://sms.karvon.example:8443/app' }));
    expect(shopify.config.apiVersion).toBe(SHOPIFY_ADMIN_API_VERSION);
    expect(shopify.config.isEmbeddedApp).toBe(true);
    expect(shopify.config.hostName).toBe('sms.karvon.example:8443');
    expect(shopify.config.hostScheme).toBe('https');
    expect(shopify.config.scopes?.has(['read_orders', 'read_customers', 'write_customers'])).toBe(true);
  });

  it('keeps the library at warning level, without request logging', () => {
    const shopify = createShopifyApi(testConfig());
    expect(shopify.config.logger.level).toBe(LogSeverity.Warning);
    expect(shopify.config.logger.httpRequests).toBe(false);
  });

  it('hands the library warnings to the given log function only', async () => {
    const lines: string[] = [];
    const shopify = createShopifyApi(testConfig(), {
      log: (severity, message) => lines.push(`${severity}: ${message}`),
    });
    await shopify.logger.warning('something odd');
    await shopify.logger.info('routine');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: .*something odd/);
  });
});
