import { gatewaySuite } from './support/gateway-suite';

gatewaySuite('sqlite');
