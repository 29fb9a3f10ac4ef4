import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { webhooksOutSuite } from './support/webhooks-out-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('webhooks on PostgreSQL', () => {
  webhooksOutSuite('postgres');
});
