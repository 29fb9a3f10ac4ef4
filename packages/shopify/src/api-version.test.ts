import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_API_VERSION } from './__fixtures__/webhooks/order-payloads';
import { SHOPIFY_ADMIN_API_VERSION } from './api-version';
import { parseShopifyAppConfig } from './config';
import { createShopifyApi } from './platform-client/create-shopify-api';

// One pinned Admin API version: the client, the fixtures and the fake shop agree on it here;
// examples/shopify-app/test/app-toml.test.ts checks the TOML against the same constant.
describe('the pinned Admin API version', () => {
  it('is the version the Shopify client is configured with', () => {
    const shopify = createShopifyApi(
      parseShopifyAppConfig({
        apiKey: 'k',
        apiSecretKey: 's',
        appUrl: 'https://app.example',
        karvonBaseUrl: 'https://gw.example',
      }),
    );
    expect(shopify.config.apiVersion).toBe(SHOPIFY_ADMIN_API_VERSION);
  });

  it('is the version of every versioned documentation page a GraphQL fixture was taken from', () => {
    const dir = join(import.meta.dirname, '__fixtures__', 'graphql');
    for (const file of readdirSync(dir)) {
      const { source } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { source: string };
      for (const [, version] of source.matchAll(/admin-graphql\/(\d{4}-\d{2}|unstable)\//g)) {
        expect(`${file}: ${version}`).toBe(`${file}: ${SHOPIFY_ADMIN_API_VERSION}`);
      }
    }
  });

  it('is the version the webhook fixtures are sent with', () => {
    expect(FIXTURE_API_VERSION).toBe(SHOPIFY_ADMIN_API_VERSION);
  });
});
