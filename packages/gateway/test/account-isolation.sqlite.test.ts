import { accountIsolationSuite } from './support/account-isolation-suite';

accountIsolationSuite('sqlite');
