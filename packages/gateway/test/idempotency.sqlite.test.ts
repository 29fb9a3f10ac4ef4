import { idempotencySuite } from './support/idempotency-suite';

idempotencySuite('sqlite');
