import { describeUnless } from '@karvon/test-utils';
import { afterAll, expect, it } from 'vitest';
import { sessionBattery } from '../conformance/session-battery';
import { storeBattery } from '../conformance/store-battery';
import { openShopifyStore } from '../open-shopify-store';
import { openPostgresDatabase } from './open-postgres-database';
import { dropTestSchema, postgresTestUrl, postgresUnavailable, testSchemaName } from './postgres-test-database';

const url = postgresTestUrl();
const reason = await postgresUnavailable(url);
const schemas = { store: testSchemaName('store'), sessions: testSchemaName('sessions'), open: testSchemaName('open') };

afterAll(async () => {
  if (!reason) for (const schema of Object.values(schemas)) await dropTestSchema(url, schema);
});

describeUnless(reason)('PostgreSQL store', () => {
  storeBattery('postgres', (options) => openShopifyStore({ databaseUrl: url, schema: schemas.store, ...options }));
  sessionBattery('postgres', () => openShopifyStore({ databaseUrl: url, schema: schemas.sessions }));

  it('migrates once when several processes open a new database at the same time', async () => {
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresDatabase({ connectionString: url, schema: schemas.open })),
    );
    try {
      expect(await opened[0]!.all('SELECT id FROM shopify_migrations')).toEqual([{ id: '0001_initial' }]);
      const [tables] = await opened[0]!.all<{ n: number }>(
        `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = $1`,
        [schemas.open],
      );
      // Eight tables and the migrations table, all in the schema asked for.
      expect(tables?.n).toBe(9);
    } finally {
      await Promise.all(opened.map((db) => db.close()));
    }
  });
});
