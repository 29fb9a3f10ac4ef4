import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SCOPES } from '../../src/accounts/scopes';
import { samplePath } from './http-call';
import { type Backend, startTestGateway, type TestAccount, type TestGateway } from './start-test-gateway';

const RUNS_PER_ROUTE = 200;
const MOBILE = '+998901234567';

/** A valid body per POST route: the seed the mutations start from. */
const VALID: Record<string, Record<string, unknown>> = {
  '/send': { to: MOBILE, body: 'Hello', type: 'transactional', metadata: { a: '1' }, clientReference: 'r' },
  '/messages/{id}/cancel': {},
  '/template': { name: 'fuzz', body: 'Hi {name}', preview: { variables: { name: 'A' } } },
  '/template/preview': { body: 'Hi {name}', variables: { name: 'A' } },
  '/keys': { name: 'fuzz', mode: 'test', scopes: ['balance:read'], ipAllowlist: ['10.0.0.0/8'] },
  '/senders': { sender: 'FuzzShop', kind: 'alphanumeric', country: 'KZ' },
  '/opt-outs': { phoneNumber: MOBILE, source: 'api', scope: 'account' },
  '/consents': { phoneNumber: MOBILE, source: 'web_form', proof: 'form-1' },
  '/webhooks': { url: 'https://93.184.215.14/hook', events: ['message.delivered'] },
  '/webhooks/{id}/replay': { since: '2026-11-01T00:00:00Z', until: '2026-11-02T00:00:00Z' },
  '/webhooks/{id}/rotate-secret': { graceHours: 24 },
  '/privacy/export': { phoneNumber: MOBILE },
  '/privacy/erasure': { phoneNumber: MOBILE },
  '/oauth/token': { grant_type: 'client_credentials', client_id: 'key_x', client_secret: 'kv_test_x' },
};

const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Values that break things: wrong types, huge and odd strings, deep nesting. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 50, max: 2_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n))),
  fc.constantFrom(null, true, 0, -1, 1e308, -0, '', ' ', '\u0000', '\uFEFF', '+', '{x}', '{{', '%', '../'),
  fc.array(fc.constantFrom(MOBILE, '+99890', '', 'x'), { maxLength: 1_100 }).map((to) => to.map((t) => ({ to: t }))),
);

/** A JSON text: an arbitrary value, or the valid body with fields replaced, removed, added or poisoned. */
function bodyFor(path: string): fc.Arbitrary<string> {
  const valid = VALID[path] ?? {};
  const keys = [...Object.keys(valid), 'messages', 'template', 'variables', 'scheduledAt', 'timezone', 'id'];
  const mutated = fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...keys), junk, { maxKeys: 3 }),
      remove: fc.subarray(Object.keys(valid)),
      poison: fc.option(fc.tuple(fc.constantFrom(...POISON_KEYS), junk), { nil: undefined }),
    })
    .map(({ replace, remove, poison }) => {
      const body: Record<string, unknown> = { ...valid, ...replace };
      for (const key of remove) delete body[key];
      const text = JSON.stringify(body);
      if (!poison) return text;
      // Written into the text: an object literal's __proto__ key would not survive JSON.stringify.
      const injected = `${JSON.stringify(poison[0])}:${JSON.stringify(poison[1]) ?? 'null'}`;
      return text === '{}' ? `{${injected}}` : `{${injected},${text.slice(1)}`;
    });
  // Control characters inside otherwise valid strings: PostgreSQL refuses U+0000 in text.
  const stringKeys = Object.keys(valid).filter((k) => typeof valid[k] === 'string');
  const controlled =
    stringKeys.length === 0
      ? mutated
      : fc
          .record({
            key: fc.constantFrom(...stringKeys),
            char: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\ud800', '\u2028', '\uffff'),
          })
          .map(({ key, char }) => JSON.stringify({ ...valid, [key]: `${String(valid[key])}${char}` }));
  return fc.oneof(
    { arbitrary: mutated, weight: 4 },
    { arbitrary: controlled, weight: 1 },
    { arbitrary: junk.map((v) => JSON.stringify(v) ?? 'null'), weight: 1 },
  );
}

/**
 * fast-check fuzzing of every POST route's body: never a 5xx, always JSON or
 * problem+json, and the server still healthy afterwards. Run once per database.
 */
export function fuzzSuite(backend: Backend): void {
  describe(`fuzzing requests (${backend})`, () => {
    let t: TestGateway;
    let account: TestAccount;
    beforeAll(async () => {
      t = await startTestGateway(backend);
      account = await t.newAccount({ balance: 100_000_000 });
    });
    afterAll(async () => {
      await t?.close();
    });

    const routes = ROUTE_SCOPES.filter((r) => r.method === 'POST');

    it('has a valid seed body for every POST route', () => {
      expect(routes.map((r) => r.path).filter((p) => !(p in VALID))).toEqual([]);
    });

    it.each(routes.map((r) => r.path))(
      `never answers POST %s with a 5xx, in ${RUNS_PER_ROUTE} runs`,
      async (path) => {
        const failures: string[] = [];
        await fc.assert(
          fc.asyncProperty(
            bodyFor(path),
            fc.option(fc.stringMatching(/^[\x21-\x7e]{1,300}$/), { nil: undefined }),
            async (body, idempotencyKey) => {
              const res = await fetch(`${t.url}${samplePath(path)}`, {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${account.key}`,
                  'content-type': 'application/json',
                  ...(idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {}),
                },
                body,
              });
              const text = await res.text();
              const type = res.headers.get('content-type') ?? '';
              const ok =
                res.status < 500 &&
                (text === '' || /^application\/(problem\+)?json/.test(type)) &&
                (text === '' || JSON.parse(text) !== undefined);
              if (!ok) failures.push(`${res.status} ${type} ${body.slice(0, 200)} → ${text.slice(0, 200)}`);
              return ok;
            },
          ),
          { numRuns: RUNS_PER_ROUTE, seed: 20_261_125, endOnFailure: true },
        );
        expect(failures).toEqual([]);
      },
      60_000,
    );

    const readRoutes = ROUTE_SCOPES.filter((r) => r.method !== 'POST' && r.auth === 'api_key');
    const QUERY_NAMES = [
      'cursor',
      'limit',
      'status',
      'to',
      'type',
      'clientReference',
      'createdAfter',
      'createdBefore',
      'phoneNumber',
    ];
    // Raw URL text: percent-encoded anything, stray `%`, repeated names, unicode.
    const urlText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom('%', '%zz', '%00', '%2F..%2F', '..', '+', '%2B998901234567', '-1', '1e3', '101', '0', 'NaN'),
      fc.stringMatching(/^[A-Za-z0-9_.~-]{0,600}$/),
    );
    const query = fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), urlText), urlText), { maxLength: 5 })
      .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));

    it.each(readRoutes.map((r) => `${r.method} ${r.path}`))(
      'never answers %s with a 5xx for odd path parameters and query strings',
      async (route) => {
        const [method = 'GET', pattern = '/'] = route.split(' ');
        await fc.assert(
          fc.asyncProperty(urlText, query, async (param, q) => {
            const path = pattern.replace(/\{\w+\}/g, param === '' ? 'x' : param);
            const res = await fetch(`${t.url}${path}${q}`, {
              method,
              headers: { authorization: `Bearer ${account.key}` },
            });
            await res.arrayBuffer();
            return res.status < 500;
          }),
          { numRuns: 100, seed: 20_261_125 },
        );
      },
      60_000,
    );

    it('is still healthy and ready after the fuzzing', async () => {
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
      expect((await fetch(`${t.url}/ready`)).status).toBe(200);
      const res = await fetch(`${t.url}/balance`, { headers: { authorization: `Bearer ${account.key}` } });
      expect(res.status).toBe(200);
    });
  });
}
