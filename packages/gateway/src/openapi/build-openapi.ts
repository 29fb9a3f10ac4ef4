import {
  API_VERSIONS,
  ERROR_CODES,
  type ErrorCode,
  LATEST_API_VERSION,
  PROBLEM_CONTENT_TYPE,
  problemSchema,
} from '@karvon/contract';
import * as z from 'zod/mini';
import { ROUTE_SCOPES, type RouteScopeRule } from '../accounts/scopes';
import { type NamedSchema, OPERATIONS, type OperationSpec } from './operations';

type Json = Record<string, unknown>;
const SCHEMA_REF = '#/components/schemas/';

// Codes every route of a kind can answer, by who answers them: the version
// hook and body parser (all), authentication (key routes), idempotency (POST).
const ANY_ROUTE: readonly ErrorCode[] = ['invalid_request', 'unsupported_api_version', 'not_found', 'internal_error'];
const KEY_ROUTE: readonly ErrorCode[] = [
  'unauthenticated',
  'invalid_api_key',
  'insufficient_scope',
  'ip_not_allowed',
  'rate_limited',
  'validation_failed',
];
const BODY_ROUTE: readonly ErrorCode[] = [
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'missing_field',
  'unknown_field',
  'invalid_field',
];
const IDEMPOTENT_ROUTE: readonly ErrorCode[] = ['idempotency_key_in_use', 'idempotency_key_reused'];

/**
 * All contract schemas in one zod registry, rendered together so shared
 * parts become `$ref`s into components.schemas (a schema rendered alone
 * would carry its own `#/$defs`, which do not resolve inside OpenAPI).
 */
function renderSchemas(named: readonly NamedSchema[], io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const { name, schema } of named) registry.add(schema as z.core.$ZodType, { id: name });
  const rendered = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `${SCHEMA_REF}${id}`,
  }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(rendered.schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return rendered.schemas;
}

function operationFor(rule: RouteScopeRule): OperationSpec {
  const spec = OPERATIONS[`${rule.method} ${rule.path}`];
  if (!spec) throw new Error(`No OpenAPI operation for ${rule.method} ${rule.path}`);
  return spec;
}

function errorCodesFor(rule: RouteScopeRule, spec: OperationSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(ANY_ROUTE);
  if (rule.auth === 'api_key') for (const c of KEY_ROUTE) codes.add(c);
  if (rule.method === 'POST' && spec.request) for (const c of BODY_ROUTE) codes.add(c);
  if (rule.method === 'POST' && rule.auth === 'api_key') for (const c of IDEMPOTENT_ROUTE) codes.add(c);
  for (const c of spec.errors ?? []) codes.add(c);
  return [...codes];
}

/** `{ "422": ["validation_failed", …], … }` from the registry's statuses. */
function byStatus(codes: readonly ErrorCode[]): Map<string, ErrorCode[]> {
  const out = new Map<string, ErrorCode[]>();
  for (const code of codes) {
    const status = String(ERROR_CODES[code].status);
    out.set(status, [...(out.get(status) ?? []), code]);
  }
  return out;
}

function queryParameters(schema: Json | undefined): Json[] {
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

/** The OpenAPI 3.1 document of this gateway: every route of ROUTE_SCOPES, its schemas from the contract. */
export function buildOpenApi(): Json {
  const specs = ROUTE_SCOPES.map((rule) => ({ rule, spec: operationFor(rule) }));
  const requests = new Map<string, NamedSchema>();
  const responses = new Map<string, NamedSchema>();
  const queries = new Map<string, NamedSchema>();
  for (const { spec } of specs) {
    if (spec.request) requests.set(spec.request.name, spec.request);
    if (typeof spec.response !== 'string') responses.set(spec.response.name, spec.response);
    if (spec.query) queries.set(spec.query.name, spec.query);
  }
  // Requests render their input side (what a client may send: defaults optional);
  // responses their output side. A name used on both sides would clash, so none is.
  const schemas: Record<string, Json> = {
    ...renderSchemas([...requests.values()], 'input'),
    ...renderSchemas([...responses.values(), { name: 'Problem', schema: problemSchema }], 'output'),
  };
  const querySchemas = renderSchemas([...queries.values()], 'input');

  const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
  // Headers on every response; rate-limit ones wherever a key is checked.
  const commonHeaders = (rule: RouteScopeRule) => ({
    'Karvon-Request-Id': header('KarvonRequestId'),
    'Karvon-Version': header('KarvonVersion'),
    ...(rule.auth === 'api_key'
      ? { RateLimit: header('RateLimit'), 'RateLimit-Policy': header('RateLimitPolicy') }
      : {}),
  });
  const problem = (rule: RouteScopeRule, status: string, codes: readonly ErrorCode[]) => ({
    description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c].title}`).join('; '),
    'x-karvon-error-codes': codes,
    headers: {
      ...commonHeaders(rule),
      ...(status === '429' || status === '503' || status === '409' ? { 'Retry-After': header('RetryAfter') } : {}),
    },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${SCHEMA_REF}Problem` } } },
  });

  const paths: Record<string, Json> = {};
  for (const { rule, spec } of specs) {
    const pathParameters = [...rule.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1 },
    }));
    const okHeaders = {
      ...commonHeaders(rule),
      ...(rule.method === 'POST' && rule.auth === 'api_key'
        ? { 'Idempotent-Replayed': header('IdempotentReplayed') }
        : {}),
    };
    const ok =
      spec.response === 'any'
        ? { description: 'OK', headers: okHeaders, content: { 'application/json': { schema: { type: 'object' } } } }
        : spec.response === 'event-stream'
          ? // Server-Sent Events have no JSON body: each event's `data:` is a webhook envelope.
            {
              description: `${spec.summary}. Each event: \`id: <evt_…>\`, \`event: <type>\`, \`data: <the webhook event JSON>\`.`,
              headers: okHeaders,
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            }
          : {
              description: spec.summary,
              headers: okHeaders,
              content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}${spec.response.name}` } } },
            };
    const operationResponses: Json = { [spec.status]: ok };
    if (spec.mayCreate) operationResponses['201'] = ok;
    for (const [status, codes] of byStatus(errorCodesFor(rule, spec))) {
      operationResponses[status] = problem(rule, status, codes);
    }
    const operation: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.operationId.split('.')[0]],
      security: rule.auth === 'api_key' ? [{ bearer: [...rule.scopes] }] : [],
      'x-karvon-scopes': [...rule.scopes],
      parameters: [
        ...pathParameters,
        ...queryParameters(spec.query ? querySchemas[spec.query.name] : undefined),
        { $ref: '#/components/parameters/KarvonVersion' },
        ...(spec.response === 'event-stream'
          ? [
              {
                name: 'Last-Event-ID',
                in: 'header',
                required: false,
                description: 'Resume after this event (`evt_…`); wins over `after`. Unknown ids are a 422.',
                schema: { type: 'string' },
              },
            ]
          : []),
        ...(rule.method === 'POST' && rule.auth === 'api_key'
          ? [{ $ref: '#/components/parameters/IdempotencyKey' }]
          : []),
      ],
      responses: operationResponses,
    };
    if (spec.request) {
      const ref = { $ref: `${SCHEMA_REF}${spec.request.name}` };
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: ref },
          ...(spec.form ? { 'application/x-www-form-urlencoded': { schema: ref } } : {}),
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
      description:
        'Select the API version with the Karvon-Version header. Errors are RFC 9457 problem+json with a registry `code`.',
      'x-karvon-api-versions': [...API_VERSIONS],
    },
    components: {
      schemas,
      parameters: {
        KarvonVersion: {
          name: 'Karvon-Version',
          in: 'header',
          required: false,
          description: 'The API version; absent means the latest this gateway serves. Echoed on every response.',
          schema: { type: 'string', enum: [...API_VERSIONS] },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Repeats with the same key and body replay the first response (Idempotent-Replayed: true); kept 7 days.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
        },
      },
      headers: {
        KarvonRequestId: {
          description: 'The id of this request (`req_…`), also the `requestId` of a problem; quote it to support.',
          schema: { type: 'string' },
        },
        KarvonVersion: { description: 'The API version that answered.', schema: { type: 'string' } },
        RateLimit: {
          description: 'draft-ietf-httpapi-ratelimit-headers: `"default";r=<remaining>;t=<seconds to reset>`.',
          schema: { type: 'string' },
        },
        RateLimitPolicy: {
          description: 'The key\'s token bucket: `"default";q=<burst>;w=<window seconds>`.',
          schema: { type: 'string' },
        },
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'string' } },
        IdempotentReplayed: {
          description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A kv_live_… or kv_test_… API key, or an OAuth access token',
        },
      },
    },
    paths,
  };
}
