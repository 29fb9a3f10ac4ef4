import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { fuzzSuite } from './support/fuzz-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('fuzzing on PostgreSQL', () => {
  fuzzSuite('postgres');
});
