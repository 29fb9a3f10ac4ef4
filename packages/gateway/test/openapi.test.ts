import { readFileSync } from 'node:fs';
import { ERROR_CODES, isErrorCode } from '@karvon/contract';
import { SDK_ROUTES } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SCOPES } from '../src/accounts/scopes';
import { OPERATIONS } from '../src/openapi/operations';
import { renderRouteTable } from '../src/openapi/route-table';
import { httpCall } from './support/http-call';
import { startTestGateway, type TestGateway } from './support/start-test-gateway';

type Json = Record<string, unknown>;
const HTTP_METHODS = ['get', 'post', 'delete', 'put', 'patch'] as const;
// Served by the gateway for tools, never called by the SDK.
const NOT_IN_SDK = new Set(['GET /openapi.json']);

function resolvePointer(doc: unknown, ref: string): unknown {
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Json)[part];
  }
  return node;
}

/** Every `$ref` in the document, with where it was found. */
function collectRefs(node: unknown, at: string, out: { ref: string; at: string }[] = []) {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) collectRefs(v, `${at}/${i}`, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push({ ref: v, at });
      else collectRefs(v, `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`, out);
    }
  }
  return out;
}

function operations(doc: Json) {
  const out: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (op) out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

function parametersOf(doc: Json, op: Json): Json[] {
  return ((op.parameters ?? []) as Json[]).map((p) =>
    typeof p.$ref === 'string' ? (resolvePointer(doc, p.$ref) as Json) : p,
  );
}

describe('GET /openapi.json', () => {
  let t: TestGateway;
  let doc: Json;
  beforeAll(async () => {
    t = await startTestGateway('sqlite');
    const res = await fetch(`${t.url}/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Json;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is an OpenAPI 3.1 document with info, paths and a bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect((doc.components as Json).securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('resolves every $ref inside the document', () => {
    const refs = collectRefs(doc, '');
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter(({ ref }) => !ref.startsWith('#/') || resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
  });

  it('declares every path template parameter, and no path parameter the path lacks', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = parametersOf(doc, op).filter((p) => p.in === 'path');
      if (declared.some((p) => p.required !== true)) problems.push(`${method} ${path}: optional path parameter`);
      const names = declared.map((p) => p.name as string).sort();
      if (JSON.stringify(names) !== JSON.stringify(inPath)) problems.push(`${method} ${path}: ${names} ≠ ${inPath}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares each parameter once per operation, and none OpenAPI reserves', () => {
    for (const { method, path, op } of operations(doc)) {
      const params = parametersOf(doc, op);
      const keys = params.map((p) => `${p.in}:${String(p.name).toLowerCase()}`);
      expect(new Set(keys).size, `${method} ${path}`).toBe(keys.length);
      expect(params.every((p) => ['path', 'query', 'header'].includes(p.in as string) && p.schema)).toBe(true);
      // Authorization, Content-Type and Accept headers are described by security and content instead.
      expect(keys.filter((k) => /^header:(authorization|content-type|accept)$/.test(k))).toEqual([]);
    }
    const schemas = Object.values((doc.components as Json).schemas as Record<string, Json>);
    expect(schemas.filter((s) => '$schema' in s || '$id' in s)).toEqual([]);
  });

  it('gives every operation a unique operationId, a 2xx response and described responses', () => {
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of operations(doc)) {
      const responses = op.responses as Record<string, Json>;
      expect(
        Object.keys(responses).some((s) => /^2\d\d$/.test(s)),
        `${method} ${path}`,
      ).toBe(true);
      for (const [status, response] of Object.entries(responses)) {
        expect(typeof response.description, `${method} ${path} ${status}`).toBe('string');
      }
    }
  });

  it('documents errors as problem+json with registry codes of the matching status', () => {
    for (const { method, path, op } of operations(doc)) {
      const responses = op.responses as Record<string, Json>;
      for (const status of method === 'POST' && path !== '/oauth/token' ? ['400', '422'] : ['400']) {
        expect(responses[status], `${method} ${path} ${status}`).toBeDefined();
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        expect(Object.keys(response.content as Json)).toEqual(['application/problem+json']);
        const codes = response['x-karvon-error-codes'] as string[];
        for (const code of codes) {
          expect(isErrorCode(code) && ERROR_CODES[code].status, `${method} ${path} ${code}`).toBe(Number(status));
        }
      }
    }
  });

  it('secures key routes with the bearer scheme and their scopes, and names the version and idempotency headers', () => {
    for (const rule of ROUTE_SCOPES) {
      const op = (doc.paths as Record<string, Json>)[rule.path]?.[rule.method.toLowerCase()] as Json;
      const where = `${rule.method} ${rule.path}`;
      expect(op, where).toBeDefined();
      const headerNames = parametersOf(doc, op)
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect(headerNames, where).toContain('Karvon-Version');
      if (rule.auth === 'api_key') {
        expect(op.security, where).toEqual([{ bearer: [...rule.scopes] }]);
        const responses = op.responses as Json;
        for (const status of ['401', '403', '404', '429'])
          expect(responses[status], `${where} ${status}`).toBeDefined();
        if (rule.method === 'POST') expect(headerNames, where).toContain('Idempotency-Key');
      } else {
        expect(op.security, where).toEqual([]);
      }
    }
  });

  it('documents request bodies of POST routes and query parameters of list routes from the contract', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const send = paths['/send']?.post?.requestBody as Json;
    expect(send).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/SendMessageRequest' } } },
    });
    const list = parametersOf(doc, paths['/messages']?.get as Json)
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(['cursor', 'limit', 'status', 'to', 'createdAfter', 'createdBefore']));
    for (const { method, path, op } of operations(doc)) {
      if (method !== 'POST' || path === '/messages/{id}/cancel') continue;
      expect(op.requestBody, `${method} ${path}`).toBeDefined();
    }
  });

  it('has the same (method, path) set as the SDK route table', () => {
    const inDocument = new Set(
      operations(doc)
        .map(({ method, path }) => `${method} ${path}`)
        .filter((r) => !NOT_IN_SDK.has(r)),
    );
    const inSdk = new Set(SDK_ROUTES.map((r) => `${r.method} ${r.path}`));
    const onlyInDocument = [...inDocument].filter((r) => !inSdk.has(r));
    const onlyInSdk = [...inSdk].filter((r) => !inDocument.has(r));
    expect({ onlyInDocument, onlyInSdk }).toEqual({ onlyInDocument: [], onlyInSdk: [] });
  });

  it("names each operation by the SDK's operation (messages.send)", () => {
    const byRoute = new Map(operations(doc).map(({ method, path, op }) => [`${method} ${path}`, op.operationId]));
    const mismatched = SDK_ROUTES.filter((r) => byRoute.get(`${r.method} ${r.path}`) !== r.operation).map(
      (r) => `${r.method} ${r.path}: sdk ${r.operation}, document ${byRoute.get(`${r.method} ${r.path}`)}`,
    );
    expect(mismatched).toEqual([]);
  });
});

describe('the documented 2xx schemas', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("match what every route answers (the contract's response schema parses the real body)", async () => {
    const { key } = await t.newAccount();
    const call = (method: string, path: string, body?: unknown) =>
      httpCall(t.url, method, path, { key, ...(body !== undefined ? { body } : {}) });
    const phone = '+998901230000';
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const sent = await call('POST', '/send', { to: phone, body: 'Later', scheduledAt: later });
    const messageId = sent.body.results[0].id as string;
    const template = await call('POST', '/template', { name: 'doc', body: 'Hi {name}' });
    const apiKey = await call('POST', '/keys', { name: 'doc', mode: 'test', role: 'read_only' });
    const sender = await call('POST', '/senders', { sender: 'DocShop', kind: 'alphanumeric', country: 'KZ' });
    const webhook = await call('POST', '/webhooks', { url: 'https://93.184.215.14/doc' });
    await call('POST', '/opt-outs', { phoneNumber: phone });
    await call('POST', '/consents', { phoneNumber: phone, source: 'web_form' });
    const keyId = (await call('GET', '/keys')).body.data.find((k: { id: string }) => k.id !== apiKey.body.id).id;
    const enc = encodeURIComponent;
    // One valid call per route, in an order where deletes come after reads.
    const calls: [string, () => Promise<{ status: number; body: unknown }>][] = [
      ['POST /send', async () => sent],
      ['POST /template', async () => template],
      ['POST /keys', async () => apiKey],
      ['POST /senders', async () => sender],
      ['POST /webhooks', async () => webhook],
      ['POST /opt-outs', () => call('POST', '/opt-outs', { phoneNumber: phone })],
      ['POST /consents', () => call('POST', '/consents', { phoneNumber: phone, source: 'web_form' })],
      ['GET /status/{id}', () => call('GET', `/status/${messageId}`)],
      ['GET /messages', () => call('GET', '/messages?limit=5')],
      [
        'POST /template/preview',
        () => call('POST', '/template/preview', { body: 'Hi {name}', variables: { name: 'A' } }),
      ],
      ['GET /templates', () => call('GET', '/templates')],
      ['GET /templates/{id}', () => call('GET', `/templates/${template.body.id}`)],
      ['GET /balance', () => call('GET', '/balance')],
      ['GET /keys', () => call('GET', '/keys')],
      ['GET /senders', () => call('GET', '/senders')],
      ['GET /senders/{id}', () => call('GET', `/senders/${sender.body.id}`)],
      ['GET /opt-outs', () => call('GET', '/opt-outs')],
      ['GET /consents', () => call('GET', '/consents')],
      ['GET /webhooks', () => call('GET', '/webhooks')],
      ['GET /webhooks/{id}', () => call('GET', `/webhooks/${webhook.body.id}`)],
      ['GET /webhooks/{id}/attempts', () => call('GET', `/webhooks/${webhook.body.id}/attempts`)],
      [
        'POST /webhooks/{id}/replay',
        () => call('POST', `/webhooks/${webhook.body.id}/replay`, { since: '2026-01-01T00:00:00Z' }),
      ],
      ['POST /webhooks/{id}/rotate-secret', () => call('POST', `/webhooks/${webhook.body.id}/rotate-secret`, {})],
      [
        'GET /events',
        async () => {
          // A stream never ends on its own: take the status and content type, then hang up.
          const stream = new AbortController();
          const res = await fetch(`${t.url}/events`, {
            headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
            signal: stream.signal,
          });
          stream.abort();
          return { status: res.status, body: res.headers.get('content-type') };
        },
      ],
      ['POST /privacy/export', () => call('POST', '/privacy/export', { phoneNumber: phone })],
      [
        'POST /oauth/token',
        () =>
          httpCall(t.url, 'POST', '/oauth/token', {
            body: { grant_type: 'client_credentials', client_id: keyId, client_secret: key },
          }),
      ],
      ['GET /health', () => httpCall(t.url, 'GET', '/health')],
      ['GET /ready', () => httpCall(t.url, 'GET', '/ready')],
      ['GET /openapi.json', () => httpCall(t.url, 'GET', '/openapi.json')],
      ['POST /messages/{id}/cancel', () => call('POST', `/messages/${messageId}/cancel`)],
      ['DELETE /templates/{id}', () => call('DELETE', `/templates/${template.body.id}`)],
      ['DELETE /keys/{id}', () => call('DELETE', `/keys/${apiKey.body.id}`)],
      ['DELETE /senders/{id}', () => call('DELETE', `/senders/${sender.body.id}`)],
      ['DELETE /webhooks/{id}', () => call('DELETE', `/webhooks/${webhook.body.id}`)],
      ['DELETE /opt-outs/{phoneNumber}', () => call('DELETE', `/opt-outs/${enc(phone)}`)],
      ['DELETE /consents/{phoneNumber}', () => call('DELETE', `/consents/${enc(phone)}`)],
      ['POST /privacy/erasure', () => call('POST', '/privacy/erasure', { phoneNumber: phone })],
    ];
    expect(calls.map(([r]) => r).sort()).toEqual(ROUTE_SCOPES.map((r) => `${r.method} ${r.path}`).sort());
    const wrong: string[] = [];
    for (const [route, run] of calls) {
      const spec = OPERATIONS[route];
      const result = await run();
      const statuses = [spec?.status, spec?.mayCreate ? '201' : undefined];
      if (!statuses.includes(String(result.status) as '200')) {
        wrong.push(
          `${route}: status ${result.status}, documented ${statuses.join('/')} ${JSON.stringify(result.body)}`,
        );
        continue;
      }
      if (!spec || typeof spec.response === 'string') continue;
      const parsed = (
        spec.response.schema as { safeParse(v: unknown): { success: boolean; error?: unknown } }
      ).safeParse(result.body);
      if (!parsed.success) wrong.push(`${route}: ${JSON.stringify(parsed.error)} in ${JSON.stringify(result.body)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('docs/reference/http-api.md', () => {
  it('holds the route table generated from ROUTE_SCOPES and the operations', () => {
    const doc = readFileSync(new URL('../../../docs/reference/http-api.md', import.meta.url), 'utf8');
    const table = /<!-- route-table:start -->\n([\s\S]*?)\n<!-- route-table:end -->/.exec(doc)?.[1];
    expect(table).toBe(renderRouteTable());
  });
});
