export { contractResponseValidator } from './contract-response-validator';
export type { ResponseSchemaName, ResponseValidator } from './response-validator';
