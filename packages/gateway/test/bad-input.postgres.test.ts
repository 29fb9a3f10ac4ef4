import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { badInputSuite } from './support/bad-input-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('bad input on PostgreSQL', () => {
  badInputSuite('postgres');
});
