import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { idempotencySuite } from './support/idempotency-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('Idempotency-Key on PostgreSQL', () => {
  idempotencySuite('postgres');
});
