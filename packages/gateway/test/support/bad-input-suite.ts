import { LATEST_API_VERSION } from '@karvon/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, httpCall } from './http-call';
import { rawRequest } from './raw-request';
import { type Backend, startTestGateway, type TestAccount, type TestGateway } from './start-test-gateway';

interface Row {
  name: string;
  method?: string;
  path?: string;
  /** A JSON value, or a string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  noKey?: boolean;
  status: number;
  code: string;
  /** JSON Pointers that must appear in `errors[]`. */
  pointers?: string[];
  /** Text the problem's `detail` must contain. */
  detail?: string[];
}

interface ItemRow {
  name: string;
  message: Record<string, unknown>;
  code: string;
}

const MOBILE = '+998901234567';
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** Request-level bad inputs: one row, one expected status and registry code. */
const ROWS: Row[] = [
  { name: 'malformed JSON', body: '{"to":', status: 400, code: 'malformed_json' },
  { name: 'JSON with a trailing comma', body: '{"to":"+998901234567",}', status: 400, code: 'malformed_json' },
  {
    name: 'a __proto__ key',
    body: '{"to":"+998901234567","body":"x","__proto__":{"admin":true}}',
    status: 400,
    code: 'malformed_json',
  },
  {
    name: 'wrong types',
    body: { to: 998901234567, body: true, metadata: 'x' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/to', '/body', '/metadata'],
  },
  { name: 'a JSON array for an object', body: [], status: 422, code: 'validation_failed' },
  { name: 'a JSON string for an object', body: '"hello"', status: 422, code: 'validation_failed' },
  {
    name: 'an unknown field',
    body: { to: MOBILE, body: 'x', colour: 'red' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/colour'],
  },
  {
    name: 'a body over the limit',
    body: { to: MOBILE, body: 'x'.repeat(300_000) },
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'text/plain',
    body: 'hello',
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'application/xml',
    body: '<send/>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'an invalid phone number',
    body: { to: '+99890', body: 'x' },
    status: 422,
    code: 'invalid_phone_number',
    pointers: ['/to'],
  },
  { name: 'a landline', body: { to: '+998712345678', body: 'x' }, status: 422, code: 'not_a_mobile_number' },
  {
    name: 'an unregistered sender to Uzbekistan',
    body: { to: MOBILE, from: 'NotOurs', body: 'x' },
    status: 422,
    code: 'sender_not_registered',
    pointers: ['/from'],
  },
  {
    name: 'a sender over 11 characters',
    body: { to: MOBILE, from: 'TwelveChars1', body: 'x' },
    status: 422,
    code: 'invalid_sender',
    pointers: ['/from'],
  },
  {
    name: 'missing template variables',
    body: { to: MOBILE, template: 'greet', variables: { first: 'A' } },
    status: 422,
    code: 'missing_template_variables',
    detail: ['last'],
  },
  {
    name: 'unknown template variables',
    body: { to: MOBILE, template: 'greet', variables: { first: 'A', last: 'B', middle: 'C' } },
    status: 422,
    code: 'validation_failed',
    detail: ['middle'],
  },
  {
    name: 'missing variables in a template preview',
    path: '/template',
    body: { name: 'p', body: 'Hi {a} {b}', preview: { variables: {} } },
    status: 422,
    code: 'missing_template_variables',
    pointers: ['/preview/variables/a', '/preview/variables/b'],
  },
  { name: 'an unknown template', body: { to: MOBILE, template: 'nope' }, status: 422, code: 'template_not_found' },
  {
    name: 'a batch over 1,000',
    body: { body: 'x', messages: Array.from({ length: 1_001 }, () => ({ to: MOBILE })) },
    status: 422,
    code: 'batch_too_large',
  },
  { name: 'an empty message body', body: { to: MOBILE, body: '' }, status: 422, code: 'empty_body' },
  { name: 'a blank message body', body: { to: MOBILE, body: '   ' }, status: 422, code: 'empty_body' },
  {
    name: 'both body and template',
    body: { to: MOBILE, body: 'x', template: 'greet' },
    status: 422,
    code: 'conflicting_fields',
  },
  {
    name: 'scheduledAt in the past',
    body: { to: MOBILE, body: 'x', scheduledAt: '2001-01-01T00:00:00Z' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/scheduledAt'],
  },
  {
    name: 'an unknown time zone',
    body: { to: MOBILE, body: 'x', scheduledAt: `${inTwoDays}T10:00`, timezone: 'Mars/Olympus' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/timezone'],
  },
  {
    name: 'a local scheduledAt without a time zone',
    body: { to: MOBILE, body: 'x', scheduledAt: `${inTwoDays}T10:00` },
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'an unknown Karvon-Version',
    body: { to: MOBILE, body: 'x' },
    headers: { 'karvon-version': '1999-01-01' },
    status: 400,
    code: 'unsupported_api_version',
  },
  {
    name: 'an Idempotency-Key over 255 characters',
    body: { to: MOBILE, body: 'x' },
    headers: { 'idempotency-key': 'k'.repeat(256) },
    status: 400,
    code: 'invalid_request',
  },
  {
    name: 'a NUL in a message body',
    body: { to: MOBILE, body: 'a\u0000b' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/body'],
  },
  {
    name: 'a NUL in a batch item',
    body: { body: 'x', messages: [{ to: MOBILE, clientReference: 'r\u0000' }] },
    status: 422,
    code: 'validation_failed',
    pointers: ['/messages/0/clientReference'],
  },
  {
    name: 'a NUL in a template body',
    path: '/template',
    body: { name: 'nul', body: 'Hi\u0000' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/body'],
  },
  {
    name: 'a NUL in a consent source',
    path: '/consents',
    body: { phoneNumber: MOBILE, source: 'web\u0000' },
    status: 422,
    code: 'validation_failed',
    pointers: ['/source'],
  },
  { name: 'a NUL in a path id', method: 'GET', path: '/templates/tpl_%00', status: 404, code: 'not_found' },
  {
    name: 'a NUL in a query filter',
    method: 'GET',
    path: '/messages?clientReference=a%00',
    status: 422,
    code: 'validation_failed',
    pointers: ['/clientReference'],
  },
  { name: 'an unknown route', method: 'GET', path: '/nowhere', status: 404, code: 'not_found' },
  { name: 'a wrong method', method: 'PUT', path: '/send', body: {}, status: 405, code: 'method_not_allowed' },
  { name: 'DELETE on a list', method: 'DELETE', path: '/templates', status: 405, code: 'method_not_allowed' },
  {
    name: 'a key in a query string only',
    method: 'GET',
    path: '/balance?api_key=x',
    noKey: true,
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'a limit that is not a number',
    method: 'GET',
    path: '/messages?limit=abc',
    status: 422,
    code: 'validation_failed',
    pointers: ['/limit'],
  },
  {
    name: 'a limit over 100',
    method: 'GET',
    path: '/templates?limit=1000',
    status: 422,
    code: 'validation_failed',
    pointers: ['/limit'],
  },
  {
    name: 'an unknown status filter',
    method: 'GET',
    path: '/messages?status=bogus',
    status: 422,
    code: 'validation_failed',
    pointers: ['/status'],
  },
  {
    name: 'a bad createdAfter',
    method: 'GET',
    path: '/messages?createdAfter=yesterday',
    status: 422,
    code: 'validation_failed',
    pointers: ['/createdAfter'],
  },
  { name: 'a % in a phone path', method: 'DELETE', path: '/opt-outs/%25', status: 404, code: 'not_found' },
  {
    name: 'a sender too long on POST /senders',
    path: '/senders',
    body: { sender: 'TwelveChars1', kind: 'alphanumeric', country: 'UZ' },
    status: 422,
    code: 'invalid_sender',
    pointers: ['/sender'],
  },
  {
    name: 'an invalid CIDR on POST /keys',
    path: '/keys',
    body: { name: 'k', mode: 'live', ipAllowlist: ['10.0.0.0/33'] },
    status: 422,
    code: 'invalid_ip_allowlist',
    pointers: ['/ipAllowlist/0'],
  },
  {
    name: 'a webhook over plain http',
    path: '/webhooks',
    body: { url: 'http://93.184.215.14/hook' },
    status: 422,
    code: 'webhook_url_not_allowed',
  },
];

/** Bad items of a batch: rejected one by one while the rest are accepted. */
const ITEMS: ItemRow[] = [
  { name: 'an invalid phone number', message: { to: '+99890' }, code: 'invalid_phone_number' },
  { name: 'a landline', message: { to: '+998712345678' }, code: 'not_a_mobile_number' },
  {
    name: 'an unregistered sender to Uzbekistan',
    message: { to: MOBILE, from: 'NotOurs' },
    code: 'sender_not_registered',
  },
  { name: 'a sender over 11 characters', message: { to: MOBILE, from: 'TwelveChars1' }, code: 'invalid_sender' },
];

function expectProblem(result: CallResult, where: string): void {
  expect(result.headers.get('content-type'), where).toContain('application/problem+json');
  expect(result.body, where).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: result.status,
    code: expect.any(String),
    requestId: result.headers.get('karvon-request-id'),
  });
  expect(result.body.requestId, where).toMatch(/^req_/);
}

/** The table of bad inputs, each with its expected status and code. Run once per database. */
export function badInputSuite(backend: Backend): void {
  describe(`bad input (${backend})`, () => {
    let t: TestGateway;
    let account: TestAccount;
    beforeAll(async () => {
      t = await startTestGateway(backend);
      account = await t.newAccount();
      const template = await httpCall(t.url, 'POST', '/template', {
        key: account.key,
        body: { name: 'greet', body: 'Hi {first} {last}' },
      });
      expect(template.status).toBe(201);
    });
    afterAll(async () => {
      await t?.close();
    });

    it.each(ROWS)('answers $name with $status $code', async (row) => {
      const result = await httpCall(t.url, row.method ?? 'POST', row.path ?? '/send', {
        ...(row.noKey ? {} : { key: account.key }),
        ...(row.body !== undefined ? { body: row.body } : {}),
        ...(row.headers ? { headers: row.headers } : {}),
      });
      expect([result.status, result.body?.code], JSON.stringify(result.body)).toEqual([row.status, row.code]);
      expectProblem(result, row.name);
      const pointers = (result.body.errors ?? []).map((e: { pointer: string }) => e.pointer);
      expect(pointers).toEqual(expect.arrayContaining(row.pointers ?? []));
      for (const text of row.detail ?? []) expect(result.body.detail).toContain(text);
    });

    it('answers an empty POST body with 400 or 422, as problem+json', async () => {
      for (const headers of [{ 'content-type': 'application/json' }, {}] as Record<string, string>[]) {
        const res = await fetch(`${t.url}/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${account.key}`, ...headers },
        });
        const result = { status: res.status, headers: res.headers, body: await res.json() };
        expect([400, 422], JSON.stringify(result.body)).toContain(result.status);
        expectProblem(result, JSON.stringify(headers));
      }
    });

    it.each(ITEMS)('rejects the batch item with $name as $code and accepts the others', async (row) => {
      const result = await httpCall(t.url, 'POST', '/send', {
        key: account.key,
        body: { body: 'x', messages: [{ to: MOBILE }, row.message] },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      expect(result.body).toMatchObject({ accepted: 1, rejected: 1 });
      expect(result.body.results[1]).toMatchObject({ status: 'rejected', error: { code: row.code } });
      expect(result.body.results[1].error.pointer).toMatch(/^\/messages\/1\//);
    });

    describe('header injection over a raw socket', () => {
      const head = (headerLines: string) =>
        `POST /send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${account.key}\r\nContent-Type: application/json\r\n${headerLines}`;
      const body = JSON.stringify({ to: MOBILE, body: 'x' });
      const cases: [string, string][] = [
        ['a bare CR in Idempotency-Key', 'Idempotency-Key: abc\rdef\r\n'],
        ['a bare LF in Idempotency-Key', 'Idempotency-Key: abc\ndef\r\n'],
        ['a NUL in Idempotency-Key', 'Idempotency-Key: abc\u0000def\r\n'],
        ['a bare CR in Karvon-Version', `Karvon-Version: ${LATEST_API_VERSION}\rX-Evil: 1\r\n`],
        ['a bare LF in Karvon-Version', `Karvon-Version: ${LATEST_API_VERSION}\nX-Evil: 1\r\n`],
        ['a control byte in Karvon-Version', `Karvon-Version: ${LATEST_API_VERSION}\u0001\r\n`],
        // UTF-8 bytes, written one latin1 character per byte.
        ['non-ASCII in Idempotency-Key', `Idempotency-Key: ${Buffer.from('ключ', 'utf8').toString('latin1')}\r\n`],
        ['an obs-fold continuation', 'Idempotency-Key: abc\r\n def\r\n'],
      ];
      it.each(cases)('answers %s with 400, never 500', async (_name, lines) => {
        const result = await rawRequest(t.url, head(lines), body);
        expect(result.status, result.raw.slice(0, 300)).toBe(400);
        const [headers = '', json = ''] = result.raw.split('\r\n\r\n');
        expect(headers.toLowerCase()).toContain('content-type: application/problem+json');
        const problem = JSON.parse(json);
        expect(problem).toMatchObject({ status: 400, code: 'invalid_request', type: expect.any(String) });
        expect(headers.toLowerCase()).toContain(`karvon-request-id: ${problem.requestId}`.toLowerCase());
        const health = await fetch(`${t.url}/health`);
        expect(health.status).toBe(200);
      });

      it('answers a header split by CRLF as two headers, never as a response split', async () => {
        const result = await rawRequest(t.url, head('Idempotency-Key: split-1\r\nX-Injected: yes\r\n'), body);
        expect(result.status).toBe(200);
        expect(result.raw.toLowerCase()).not.toContain('x-injected');
      });
    });
  });
}
