import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { gatewaySuite } from './support/gateway-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('gateway on PostgreSQL', () => {
  gatewaySuite('postgres');
});
