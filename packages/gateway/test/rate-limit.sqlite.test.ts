import { rateLimitSuite } from './support/rate-limit-suite';

rateLimitSuite('sqlite');
