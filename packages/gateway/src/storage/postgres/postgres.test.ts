import { describeUnless } from '@karvon/test-utils';
import { afterAll, expect } from 'vitest';
import { dispatchBattery } from '../conformance/dispatch-battery';
import { repositoryBattery } from '../conformance/repository-battery';
import { openPostgresRepository, type PostgresRepository } from './postgres-repository';
import { dropSchema, postgresTestUrl, postgresUnavailable } from './postgres-test-database';

const url = postgresTestUrl();
const reason = await postgresUnavailable(url);
const schema = `gw_${Math.random().toString(36).slice(2, 10)}`;
const dispatchSchema = `${schema}_dispatch`;

afterAll(async () => {
  if (!reason) {
    await dropSchema(url, schema);
    await dropSchema(url, dispatchSchema);
  }
});

describeUnless(reason)('PostgreSQL repository', () => {
  repositoryBattery('postgres', {
    open: () => openPostgresRepository({ connectionString: url, schema }),
    assertDurability: async (repository) => {
      const { pool } = repository as PostgresRepository;
      const rows = await Promise.all([pool.query('SHOW synchronous_commit'), pool.query('SHOW synchronous_commit')]);
      for (const r of rows) expect(r.rows[0]).toEqual({ synchronous_commit: 'on' });
    },
  });
  dispatchBattery('postgres', () => openPostgresRepository({ connectionString: url, schema: dispatchSchema }));
});
