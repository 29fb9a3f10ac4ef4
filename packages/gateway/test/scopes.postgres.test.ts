import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { scopeMatrixSuite } from './support/scope-matrix-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('scope × route matrix on PostgreSQL', () => {
  scopeMatrixSuite('postgres');
});
