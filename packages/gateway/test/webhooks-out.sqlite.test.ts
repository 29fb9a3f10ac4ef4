import { webhooksOutSuite } from './support/webhooks-out-suite';

webhooksOutSuite('sqlite');
