import { deliverySuite } from './support/delivery-suite';

deliverySuite('sqlite');
