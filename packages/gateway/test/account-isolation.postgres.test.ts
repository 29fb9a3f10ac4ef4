import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { accountIsolationSuite } from './support/account-isolation-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('account isolation on PostgreSQL', () => {
  accountIsolationSuite('postgres');
});
