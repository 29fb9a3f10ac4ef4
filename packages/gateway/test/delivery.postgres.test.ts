import { describeUnless } from '@karvon/test-utils';
import { postgresTestUrl, postgresUnavailable } from '../src/storage/postgres/postgres-test-database';
import { deliverySuite } from './support/delivery-suite';

const reason = await postgresUnavailable(postgresTestUrl());

describeUnless(reason)('delivery on PostgreSQL', () => {
  deliverySuite('postgres');
});
