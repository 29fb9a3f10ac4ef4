import type { AdapterHarness } from '@karvon/test-utils';
import { adapterBattery } from '@karvon/test-utils';
import { afterAll, beforeAll } from 'vitest';
import { startShopifyAdapterHarness } from './support/shopify-adapter-harness';
import type { ShopifyAppHarness } from './support/shopify-app-harness';

let harness: AdapterHarness;
let app: ShopifyAppHarness;

beforeAll(async () => {
  ({ harness, app } = await startShopifyAdapterHarness());
});
afterAll(async () => {
  await app?.close();
});

adapterBattery('Shopify', () => harness);
