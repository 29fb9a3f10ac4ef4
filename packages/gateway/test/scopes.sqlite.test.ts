import { scopeMatrixSuite } from './support/scope-matrix-suite';

scopeMatrixSuite('sqlite');
