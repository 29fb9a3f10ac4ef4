import { createId } from '@karvon/contract';
import { describeUnless } from '@karvon/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/cli/demo-account';
import { createGateway, type Gateway } from '../src/index';
import { openPostgresRepository } from '../src/storage/postgres/postgres-repository';
import { dropSchema, postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import type { Repository } from '../src/storage/repository';
import { rateLimitSuite } from './support/rate-limit-suite';

const url = postgresTestUrl();
const reason = await postgresUnavailable(url);

describeUnless(reason)('rate limits on PostgreSQL', () => {
  rateLimitSuite('postgres');

  describe('two gateways on one database', () => {
    const schema = `gw_${Math.random().toString(36).slice(2, 10)}`;
    const repositories: Repository[] = [];
    const gateways: Gateway[] = [];
    beforeAll(async () => {
      // Two pools, two servers: nothing shared but the database, as between two processes.
      for (let i = 0; i < 2; i++) {
        const repository = await openPostgresRepository({ connectionString: url, schema });
        repositories.push(repository);
        gateways.push(
          await createGateway({
            repository,
            port: 0,
            logLevel: 'silent',
            rateLimit: { perSecond: 1, burst: 4 },
            sandboxIntervalMs: 0,
            retentionIntervalMs: 0,
          }),
        );
      }
    });
    afterAll(async () => {
      for (const g of gateways) await g.close();
      for (const r of repositories) await r.close();
      await dropSchema(url, schema);
    });

    it('shares one bucket per key between them', async () => {
      const repository = repositories[0] as Repository;
      const account = await repository.accounts.create({
        id: createId('account'),
        name: 'shared-bucket',
        currency: 'UZS',
        balance: 0,
        createdAt: Date.now(),
      });
      const { key } = await createApiKey(repository, { accountId: account.id, mode: 'live' });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const base = (gateways[i % 2] as Gateway).url;
        statuses.push((await fetch(`${base}/balance`, { headers: { authorization: `Bearer ${key}` } })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    });
  });
});
