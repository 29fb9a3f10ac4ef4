import {
  API_VERSIONS,
  balanceSchema,
  ERROR_CODES,
  LATEST_API_VERSION,
  messageSchema,
  PROBLEM_CONTENT_TYPE,
  problemSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  templateSchema,
  templateUpsertRequestSchema,
} from '@karvon/contract';
import * as z from 'zod/mini';
import { ROUTE_SCOPES } from '../accounts/scopes';

type Json = Record<string, unknown>;

function jsonSchema(schema: unknown, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema as Parameters<typeof z.toJSONSchema>[0], { io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

// Request and response bodies known to the contract, by route. Routes not
// listed here are documented with a generic JSON object until their schemas
// land in the contract.
const BODIES: Record<string, { request?: string; response?: string; status?: string }> = {
  'POST /send': { request: 'SendMessageRequest', response: 'SendMessageResponse' },
  'GET /status/{id}': { response: 'Message' },
  'POST /messages/{id}/cancel': { response: 'Message' },
  'POST /template': { request: 'TemplateUpsertRequest', response: 'Template' },
  'GET /templates/{id}': { response: 'Template' },
  'GET /balance': { response: 'Balance' },
};

/** The OpenAPI 3.1 document of this gateway, from the contract's zod schemas and the route/scope table. */
export function buildOpenApi(): Json {
  const components: Json = {
    SendMessageRequest: jsonSchema(sendMessageRequestSchema, 'input'),
    SendMessageResponse: jsonSchema(sendMessageResponseSchema, 'output'),
    Message: jsonSchema(messageSchema, 'output'),
    TemplateUpsertRequest: jsonSchema(templateUpsertRequestSchema, 'input'),
    Template: jsonSchema(templateSchema, 'output'),
    Balance: jsonSchema(balanceSchema, 'output'),
    Problem: jsonSchema(problemSchema, 'output'),
  };
  const problem = (description: string) => ({
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const paths: Record<string, Json> = {};
  for (const rule of ROUTE_SCOPES) {
    const id = `${rule.method} ${rule.path}`;
    const bodies = BODIES[id] ?? {};
    const parameters = [...rule.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Json = {
      [rule.method === 'DELETE' ? '204' : '200']:
        rule.method === 'DELETE'
          ? { description: 'Deleted' }
          : {
              description: 'OK',
              content: {
                'application/json': {
                  schema: bodies.response ? { $ref: `#/components/schemas/${bodies.response}` } : { type: 'object' },
                },
              },
            },
      '400': problem('Malformed request or unsupported API version'),
      '422': problem('Validation failed'),
      '429': problem('Rate limited'),
      '500': problem('Internal error'),
    };
    if (rule.auth === 'api_key') {
      responses['401'] = problem('Missing or invalid API key');
      responses['403'] = problem(`Needs scope: ${rule.scopes.join(', ')}`);
      responses['404'] = problem('Not found');
    }
    if (id === 'POST /send') responses['402'] = problem('Insufficient balance; nothing was charged');
    const operation: Json = {
      operationId: `${rule.method.toLowerCase()}${rule.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      security: rule.auth === 'api_key' ? [{ bearer: rule.scopes }] : [],
      'x-karvon-scopes': rule.scopes,
      parameters: [
        ...parameters,
        { name: 'Karvon-Version', in: 'header', required: false, schema: { type: 'string', enum: [...API_VERSIONS] } },
        ...(rule.method === 'POST'
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
          : []),
      ],
      responses,
    };
    if (rule.method === 'POST') {
      operation.requestBody = {
        required: bodies.request !== undefined,
        content: {
          'application/json': {
            schema: bodies.request ? { $ref: `#/components/schemas/${bodies.request}` } : { type: 'object' },
          },
        },
      };
    }
    const path = paths[rule.path] ?? {};
    path[rule.method.toLowerCase()] = operation;
    paths[rule.path] = path;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Karvon SMS API',
      version: LATEST_API_VERSION,
      description: 'Select the version with the Karvon-Version header.',
      'x-karvon-api-versions': [...API_VERSIONS],
      'x-karvon-error-codes': Object.fromEntries(Object.entries(ERROR_CODES).map(([code, d]) => [code, d.status])),
    },
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'kv_live_… or kv_test_… API key' } },
    },
    paths,
  };
}
