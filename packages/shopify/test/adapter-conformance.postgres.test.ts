import { type AdapterHarness, adapterBattery, describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll } from 'vitest';
import {
  dropTestSchema,
  postgresTestUrl,
  postgresUnavailable,
  testSchemaName,
} from '../src/storage/postgres/postgres-test-database';
import { startShopifyAdapterHarness } from './support/shopify-adapter-harness';
import type { ShopifyAppHarness } from './support/shopify-app-harness';

// The same battery with the app's store on PostgreSQL, as several app processes would run it.
const url = postgresTestUrl();
const reason = await postgresUnavailable(url);
const schema = testSchemaName('adapter');

describeUnless(reason)('Shopify app on PostgreSQL', () => {
  let harness: AdapterHarness;
  let app: ShopifyAppHarness;
  beforeAll(async () => {
    ({ harness, app } = await startShopifyAdapterHarness({ postgres: { url, schema } }));
  });
  afterAll(async () => {
    await app?.close();
    await dropTestSchema(url, schema);
  });
  adapterBattery('Shopify (PostgreSQL)', () => harness);
});
