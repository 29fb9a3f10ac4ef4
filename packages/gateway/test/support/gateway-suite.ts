import { createId, LATEST_API_VERSION, type MessageId } from '@karvon/contract';
import { APIError } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, clientFor, startTestGateway, type TestGateway } from './start-test-gateway';

async function rejection(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The black-box suite: the real server over HTTP, driven by the real SDK. Run once per database. */
export function gatewaySuite(backend: Backend): void {
  describe(`gateway over HTTP (${backend})`, () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startTestGateway(backend);
    });
    afterAll(async () => {
      await t?.close();
    });

    describe('POST /send', () => {
      it('accepts one message and prices it by segments', async () => {
        const { client } = await t.newAccount();
        const response = await client.messages.send({ to: '+998901234567', body: 'Salom!' });
        expect(response).toMatchObject({ accepted: 1, rejected: 0 });
        const [result] = response.results;
        expect(result).toMatchObject({
          index: 0,
          status: 'accepted',
          messageStatus: 'queued',
          to: '+998901234567',
          encoding: 'GSM-7',
          segments: 1,
          price: { amount: 7_500, currency: 'UZS' },
        });
      });

      it('accepts a batch and rejects its invalid items one by one', async () => {
        const { client } = await t.newAccount();
        const response = await client.messages.send({
          body: 'Привет',
          messages: [
            { to: '+998901234567' },
            { to: '+998712345678' },
            { to: '+99890' },
            { to: '+998935554433', clientReference: 'r4' },
          ],
        });
        expect(response.accepted).toBe(2);
        expect(response.rejected).toBe(2);
        expect(response.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
        const landline = response.results[1];
        expect(landline?.status === 'rejected' && landline.error).toMatchObject({
          code: 'not_a_mobile_number',
          pointer: '/messages/1/to',
        });
        const invalid = response.results[2];
        expect(invalid?.status === 'rejected' && invalid.error.code).toBe('invalid_phone_number');
        expect(response.results[0]).toMatchObject({ encoding: 'UCS-2' });
        expect(response.results[3]).toMatchObject({ clientReference: 'r4' });
      });

      it('debits the balance by the quote, with a ledger row per message', async () => {
        const { client } = await t.newAccount({ balance: 100_000 });
        const response = await client.messages.send({
          messages: [{ to: '+998901234567' }, { to: '+998911234567' }],
          body: 'x'.repeat(200),
        });
        const quoted = response.results.reduce((sum, r) => sum + (r.status === 'accepted' ? r.price.amount : 0), 0);
        expect(quoted).toBe(2 * 2 * 7_500);
        const balance = await client.balance.get();
        expect(balance.balance).toEqual({ amount: 100_000 - quoted, currency: 'UZS' });
        expect(balance.ledger.map((l) => l.reason)).toEqual(['message_charge', 'message_charge']);
      });

      it('answers 402 and debits nothing when the balance does not cover every valid message', async () => {
        const { client } = await t.newAccount({ balance: 10_000 });
        const error = await rejection(
          client.messages.send({ messages: [{ to: '+998901234567' }, { to: '+998911234567' }], body: 'Hi' }),
        );
        expect([error.status, error.code]).toEqual([402, 'insufficient_balance']);
        const balance = await client.balance.get();
        expect(balance.balance.amount).toBe(10_000);
        expect(balance.ledger).toEqual([]);
      });

      it('answers a single invalid message with 422 and the field at fault', async () => {
        const { client } = await t.newAccount();
        const error = await rejection(client.messages.send({ to: '+998712345678', body: 'Hi' }));
        expect([error.status, error.code]).toEqual([422, 'not_a_mobile_number']);
        expect(error.errors[0]?.pointer).toBe('/to');
      });

      it('answers malformed requests with validation pointers', async () => {
        const { key } = await t.newAccount();
        const res = await fetch(`${t.url}/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: '+998901234567', body: 'x', colour: 'red' }),
        });
        expect(res.status).toBe(422);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const problem = await res.json();
        expect(problem).toMatchObject({
          code: 'validation_failed',
          errors: [{ pointer: '/colour', code: 'unknown_field' }],
        });
      });
    });

    describe('GET /status/{id}', () => {
      it('returns the message with its history', async () => {
        const { client } = await t.newAccount();
        const sent = await client.messages.send({ to: '+998901234567', body: 'Hello', clientReference: 'order-1' });
        const accepted = sent.results[0];
        if (accepted?.status !== 'accepted') throw new Error('not accepted');
        const message = await client.messages.get(accepted.id);
        expect(message).toMatchObject({
          id: accepted.id,
          status: 'queued',
          to: '+998901234567',
          from: 'Karvon',
          segments: 1,
          clientReference: 'order-1',
        });
        expect(message.history).toHaveLength(1);
        expect(message.history[0]?.status).toBe('queued');
        expect(Date.parse(message.history[0]?.at ?? '')).not.toBeNaN();
      });

      it("is 404 for another account's message", async () => {
        const a = await t.newAccount();
        const b = await t.newAccount();
        const sent = await a.client.messages.send({ to: '+998901234567', body: 'Hello' });
        const id = (sent.results[0] as { id: MessageId }).id;
        const error = await rejection(b.client.messages.get(id));
        expect([error.status, error.code]).toEqual([404, 'not_found']);
      });
    });

    describe('POST /template', () => {
      it('creates version 1, then version 2 on a body change, and previews with segments and price', async () => {
        const { client } = await t.newAccount();
        const v1 = await client.templates.upsert({ name: 'otp', body: 'Code: {code}' });
        expect([v1.version, v1.variables]).toEqual([1, ['code']]);
        const v2 = await client.templates.upsert({
          id: v1.id,
          name: 'otp',
          body: 'Your code is {code}',
          preview: { variables: { code: 1234 } },
        });
        expect(v2).toMatchObject({
          id: v1.id,
          version: 2,
          preview: { text: 'Your code is 1234', encoding: 'GSM-7', segments: 1 },
        });
        expect(v2.preview?.price).toEqual({ amount: 7_500, currency: 'UZS' });
        const sent = await client.messages.send({ to: '+998901234567', template: 'otp', variables: { code: 42 } });
        expect(sent.accepted).toBe(1);
      });

      it('lists every missing variable in a 422', async () => {
        const { client } = await t.newAccount();
        const error = await rejection(
          client.templates.upsert({ name: 'greet', body: 'Hi {first} {last}', preview: { variables: {} } }),
        );
        expect([error.status, error.code]).toEqual([422, 'missing_template_variables']);
        expect(error.detail).toContain('first, last');
        expect(error.errors.map((e) => e.pointer)).toEqual(['/preview/variables/first', '/preview/variables/last']);
        await client.templates.upsert({ name: 'greet', body: 'Hi {first} {last}' });
        const send = await rejection(
          client.messages.send({ to: '+998901234567', template: 'greet', variables: { first: 'A' } }),
        );
        expect([send.status, send.code]).toEqual([422, 'missing_template_variables']);
        expect(send.detail).toContain('last');
      });
    });

    describe('POST /template/preview', () => {
      it("prices a preview in the recipient's country and operator when `to` is given", async () => {
        const { client } = await t.newAccount();
        const price = async (to?: string) =>
          (await client.templates.preview({ body: 'Hi {name}', variables: { name: 'A' }, ...(to ? { to } : {}) }))
            .price;
        // Demo table: UZ transactional 7,500; Uzmobile (99) transactional 6,500; KZ 45,000.
        expect(await price('+998901234567')).toEqual({ amount: 7_500, currency: 'UZS' });
        expect(await price('+998991234567')).toEqual({ amount: 6_500, currency: 'UZS' });
        expect(await price('+77012345678')).toEqual({ amount: 45_000, currency: 'UZS' });
        expect(await price()).toEqual({ amount: 7_500, currency: 'UZS' });
      });

      it('answers 422 with pointer /to for a recipient a send would refuse', async () => {
        const { client } = await t.newAccount();
        const landline = await rejection(client.templates.preview({ body: 'Hi', to: '+998712345678' }));
        expect([landline.status, landline.code]).toEqual([422, 'not_a_mobile_number']);
        expect(landline.errors.map((e) => e.pointer)).toEqual(['/to']);
        const invalid = await rejection(client.templates.preview({ body: 'Hi', to: '+99890' }));
        expect(invalid.status).toBe(422);
        expect(invalid.errors.map((e) => e.pointer)).toEqual(['/to']);
      });
    });

    describe('pagination of account resources', () => {
      // 25 rows a list (the account's own key among the keys), in groups of three
      // sharing a created_at, so the (created_at, id) cursor's tie-break is walked too.
      const at = (i: number) => 1_700_000_000_000 + Math.floor(i / 3) * 1_000;

      async function walk<T extends { id: string }>(
        list: (p: { limit: number }) => AsyncIterable<T> & {
          pages(): AsyncGenerator<{ data: T[]; nextCursor: string | null }>;
        },
      ) {
        const sizes: number[] = [];
        for await (const page of list({ limit: 10 }).pages()) sizes.push(page.data.length);
        const ids: string[] = [];
        for await (const item of list({ limit: 10 })) ids.push(item.id);
        return { sizes, ids };
      }

      it('walks GET /keys in pages of 10 with the SDK, every key exactly once', async () => {
        const { accountId, client } = await t.newAccount();
        const made: string[] = [];
        for (let i = 0; i < 24; i++) {
          const id = createId('apiKey', { now: at(i) });
          made.push(id);
          await t.repository.apiKeys.insert({
            id,
            accountId,
            name: `k${i}`,
            prefix: 'kv_test_AB12',
            hash: `hash-${accountId}-${i}`,
            mode: 'test',
            scopes: ['balance:read'],
            ipAllowlist: [],
            createdAt: at(i),
            expiresAt: null,
          });
        }
        const { sizes, ids } = await walk((p) => client.apiKeys.list(p));
        expect(sizes).toEqual([10, 10, 5]);
        expect(new Set(ids).size).toBe(25);
        expect(ids).toEqual(expect.arrayContaining(made));
      });

      it('walks GET /senders in pages of 10 with the SDK, every sender exactly once', async () => {
        const { accountId, client } = await t.newAccount();
        const before = (await client.senders.list()).data.length;
        for (let i = 0; i < 25 - before; i++) {
          await t.repository.senders.create({
            id: createId('sender', { now: at(i) }),
            accountId,
            sender: `Shop${i}`,
            kind: 'alphanumeric',
            country: 'KZ',
            operator: null,
            route: null,
            status: 'approved',
            isDefault: false,
            createdAt: at(i),
            updatedAt: at(i),
          });
        }
        const { sizes, ids } = await walk((p) => client.senders.list(p));
        expect(sizes).toEqual([10, 10, 5]);
        expect(new Set(ids).size).toBe(25);
      });

      it('walks GET /webhooks in pages of 10 with the SDK, every endpoint exactly once', async () => {
        const { accountId, client } = await t.newAccount();
        for (let i = 0; i < 25; i++) {
          await t.repository.webhookEndpoints.create({
            id: createId('webhookEndpoint', { now: at(i) }),
            accountId,
            url: `https://93.184.215.14/hook/${i}`,
            events: [],
            secret: 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdA',
            createdAt: at(i),
          });
        }
        const { sizes, ids } = await walk((p) => client.webhookEndpoints.list(p));
        expect(sizes).toEqual([10, 10, 5]);
        expect(new Set(ids).size).toBe(25);
      });

      it('answers 422 for an empty, an over-limit and an unreadable cursor, as GET /messages', async () => {
        const { key } = await t.newAccount();
        for (const path of ['/keys', '/senders', '/webhooks', '/messages']) {
          const headers = { authorization: `Bearer ${key}` };
          expect((await fetch(`${t.url}${path}?cursor=`, { headers })).status).toBe(422);
          expect((await fetch(`${t.url}${path}?limit=101`, { headers })).status).toBe(422);
          expect((await fetch(`${t.url}${path}?cursor=not-a-cursor`, { headers })).status).toBe(422);
        }
      });

      it('filters GET /opt-outs by createdAfter in SQL: full pages, exactly the later 15', async () => {
        const { accountId, client } = await t.newAccount();
        const instant = 1_700_000_500_000;
        const later: string[] = [];
        for (let i = 0; i < 30; i++) {
          const phoneNumber = `+9989012345${String(i).padStart(2, '0')}`;
          // Interleaved by index, so neither half is one block of insertion order.
          const createdAt = i % 2 === 0 ? instant - 1_000 * (i + 1) : instant + 1_000 * i;
          if (createdAt >= instant) later.push(phoneNumber);
          await t.repository.optOuts.add({
            accountId,
            phoneNumber,
            keyword: null,
            scope: 'account',
            source: 'api',
            createdAt,
          });
        }
        const params = { createdAfter: new Date(instant).toISOString(), limit: 10 };
        const sizes: number[] = [];
        for await (const page of client.optOuts.list(params).pages()) sizes.push(page.data.length);
        expect(sizes).toEqual([10, 5]);
        const phones: string[] = [];
        for await (const o of client.optOuts.list(params)) phones.push(o.phoneNumber);
        expect(phones.sort()).toEqual(later.sort());
        const one = await client.optOuts.list({ phoneNumber: later[0] as string, createdAfter: params.createdAfter });
        expect(one.data.map((o) => o.phoneNumber)).toEqual([later[0]]);
        const early = `+9989012345${'00'}`;
        expect((await client.optOuts.list({ phoneNumber: early, createdAfter: params.createdAfter })).data).toEqual([]);
      });
    });

    describe('authentication and headers', () => {
      it('answers 401 unauthenticated without a key and invalid_api_key for a wrong one', async () => {
        const missing = await fetch(`${t.url}/balance`);
        expect(missing.status).toBe(401);
        expect((await missing.json()).code).toBe('unauthenticated');
        const error = await rejection(clientFor(t.url, 'kv_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').balance.get());
        expect([error.status, error.code]).toEqual([401, 'invalid_api_key']);
      });

      it('answers 403 insufficient_scope for a read-only key that sends', async () => {
        const account = await t.newAccount();
        const readOnly = clientFor(t.url, await account.keyWith({ role: 'read_only' }));
        const error = await rejection(readOnly.messages.send({ to: '+998901234567', body: 'Hi' }));
        expect([error.status, error.code]).toEqual([403, 'insufficient_scope']);
        await expect(readOnly.balance.get()).resolves.toMatchObject({ balance: { currency: 'UZS' } });
      });

      it('answers 403 ip_not_allowed outside the key allowlist', async () => {
        const account = await t.newAccount({ ipAllowlist: ['203.0.113.0/24'] });
        const error = await rejection(account.client.balance.get());
        expect([error.status, error.code]).toEqual([403, 'ip_not_allowed']);
        const local = clientFor(t.url, await account.keyWith({ ipAllowlist: ['127.0.0.0/8', '::1/128'] }));
        await expect(local.balance.get()).resolves.toBeDefined();
      });

      it('sends a request id on every response and echoes the API version', async () => {
        const { client } = await t.newAccount();
        const { response, requestId } = await client.balance.get().withResponse();
        expect(requestId).toMatch(/^req_/);
        expect(response.headers.get('karvon-version')).toBe(LATEST_API_VERSION);
        const bad = await fetch(`${t.url}/health`, { headers: { 'Karvon-Version': '2001-01-01' } });
        expect(bad.status).toBe(400);
        expect(bad.headers.get('karvon-request-id')).toMatch(/^req_/);
        expect((await bad.json()).code).toBe('unsupported_api_version');
      });

      it('maps transport failures to registry codes', async () => {
        const { key } = await t.newAccount();
        const auth = { authorization: `Bearer ${key}` };
        const post = (headers: Record<string, string>, body: string) =>
          fetch(`${t.url}/send`, { method: 'POST', headers: { ...auth, ...headers }, body });
        const cases: [Promise<Response>, number, string][] = [
          [post({ 'content-type': 'application/json' }, '{"to":'), 400, 'malformed_json'],
          [post({ 'content-type': 'text/plain' }, 'hello'), 415, 'unsupported_media_type'],
          [
            post({ 'content-type': 'application/json' }, JSON.stringify({ body: 'x'.repeat(300_000) })),
            413,
            'payload_too_large',
          ],
          [fetch(`${t.url}/send`, { method: 'DELETE', headers: auth }), 405, 'method_not_allowed'],
          [fetch(`${t.url}/nowhere`), 404, 'not_found'],
        ];
        for (const [pending, status, code] of cases) {
          const res = await pending;
          expect([res.status, (await res.json()).code]).toEqual([status, code]);
        }
      });
    });

    describe('idempotency', () => {
      it('makes one message from 20 concurrent identical sends and replays the response', async () => {
        const { key, client } = await t.newAccount();
        const send = () =>
          fetch(`${t.url}/send`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${key}`,
              'content-type': 'application/json',
              'idempotency-key': 'same-key',
            },
            body: JSON.stringify({ to: '+998901234567', body: 'Once' }),
          });
        const responses = await Promise.all(Array.from({ length: 20 }, send));
        const statuses = responses.map((r) => r.status);
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
        expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
        const replay = await send();
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect((await client.balance.get()).ledger).toHaveLength(1);
        const reused = await fetch(`${t.url}/send`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            'idempotency-key': 'same-key',
          },
          body: JSON.stringify({ to: '+998901234567', body: 'Twice' }),
        });
        expect([reused.status, (await reused.json()).code]).toEqual([422, 'idempotency_key_reused']);
      });
    });

    describe('account resources', () => {
      const call = async (key: string, method: string, path: string, body?: unknown) => {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${key}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      };

      it('creates a key shown once, lists it redacted, and revokes it', async () => {
        const { key } = await t.newAccount();
        const created = await call(key, 'POST', '/keys', { name: 'ci', mode: 'test', role: 'read_only' });
        expect(created.status).toBe(201);
        expect(created.body.secret).toMatch(/^kv_test_/);
        expect(created.body.scopes).toEqual(['messages:read', 'templates:read', 'balance:read', 'opt_outs:read']);
        const listed = await call(key, 'GET', '/keys');
        expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
        expect((await call(created.body.secret, 'GET', '/balance')).status).toBe(200);
        expect((await call(key, 'DELETE', `/keys/${created.body.id}`)).body).toEqual({
          id: created.body.id,
          deleted: true,
        });
        expect((await call(created.body.secret, 'GET', '/balance')).body.code).toBe('invalid_api_key');
      });

      it("answers 404 for another account's key, sender, template and webhook endpoint", async () => {
        const a = await t.newAccount();
        const b = await t.newAccount();
        const sender = await call(a.key, 'POST', '/senders', { sender: 'Shop', kind: 'alphanumeric', country: 'KZ' });
        expect(sender.status).toBe(201);
        const template = await a.client.templates.upsert({ name: 'x', body: 'Hi' });
        const keys = await call(a.key, 'GET', '/keys');
        for (const path of [
          `/senders/${sender.body.id}`,
          `/templates/${template.id}`,
          `/webhooks/whe_01M890CB6X5V4096YR67K1GHGF`,
        ]) {
          expect((await call(b.key, 'GET', path)).status).toBe(404);
        }
        expect((await call(b.key, 'DELETE', `/keys/${keys.body.data[0].id}`)).status).toBe(404);
        expect((await call(b.key, 'DELETE', `/templates/${template.id}`)).status).toBe(404);
      });

      it('refuses marketing without consent, and to opted-out numbers', async () => {
        const { key, client } = await t.newAccount();
        const marketing = { to: '+998901112233', body: 'Sale!', type: 'marketing' as const };
        expect((await rejection(client.messages.send(marketing))).code).toBe('consent_required');
        expect(
          (await call(key, 'POST', '/consents', { phoneNumber: '+998901112233', source: 'web_form' })).status,
        ).toBe(201);
        expect((await client.messages.send(marketing)).accepted).toBe(1);
        expect((await call(key, 'POST', '/opt-outs', { phoneNumber: '+998901112233' })).status).toBe(201);
        expect((await rejection(client.messages.send(marketing))).code).toBe('opted_out');
        expect((await call(key, 'DELETE', '/opt-outs/%2B998901112233')).body).toEqual({
          phoneNumber: '+998901112233',
          deleted: true,
        });
      });

      it("holds marketing until quiet hours end in the recipient's zone; transactional goes as scheduled", async () => {
        const { key, client } = await t.newAccount();
        await call(key, 'POST', '/consents', { phoneNumber: '+998901112244', source: 'web_form' });
        const day = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Tashkent' });
        const late = { to: '+998901112244', body: 'Sale', scheduledAt: `${day}T23:00`, timezone: 'Asia/Tashkent' };
        const held = await client.messages.send({ ...late, type: 'marketing' });
        const sent = await client.messages.send({ ...late, type: 'transactional' });
        const at = async (r: typeof held) =>
          (await client.messages.get((r.results[0] as { id: MessageId }).id)).scheduledAt;
        expect(Date.parse((await at(held)) ?? '')).toBe(Date.parse(`${day}T09:00:00+05:00`) + 86_400_000);
        expect(Date.parse((await at(sent)) ?? '')).toBe(Date.parse(`${day}T23:00:00+05:00`));
      });

      it('issues a client-credentials token limited to the scopes asked for', async () => {
        const { key } = await t.newAccount();
        const keyId = (await call(key, 'GET', '/keys')).body.data[0].id;
        const form = new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: keyId,
          client_secret: key,
          scope: 'balance:read',
        });
        const res = await fetch(`${t.url}/oauth/token`, { method: 'POST', body: form });
        const token = await res.json();
        expect(res.status).toBe(200);
        expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'balance:read' });
        expect((await call(token.access_token, 'GET', '/balance')).status).toBe(200);
        expect((await call(token.access_token, 'POST', '/send', { to: '+998901234567', body: 'x' })).body.code).toBe(
          'insufficient_scope',
        );
        const wrong = await fetch(`${t.url}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'key_x', client_secret: key }),
        });
        expect([wrong.status, (await wrong.json()).error]).toEqual([401, 'invalid_client']);
      });

      it('registers a webhook endpoint with a whsec_ secret and refuses loopback URLs', async () => {
        const { key } = await t.newAccount();
        const refused = await call(key, 'POST', '/webhooks', { url: 'https://127.0.0.1/hook' });
        expect([refused.status, refused.body.code]).toEqual([422, 'webhook_url_not_allowed']);
        const created = await call(key, 'POST', '/webhooks', {
          url: 'https://93.184.215.14/hook',
          events: ['message.delivered'],
        });
        expect(created.status).toBe(201);
        expect(created.body.secret).toMatch(/^whsec_/);
        const read = await call(key, 'GET', `/webhooks/${created.body.id}`);
        expect(read.body).toMatchObject({ url: 'https://93.184.215.14/hook', events: ['message.delivered'] });
        expect(read.body.secret).toBeUndefined();
      });

      it('lists messages with a cursor, cancels a scheduled one and refunds it', async () => {
        const { key, client } = await t.newAccount({ balance: 100_000 });
        const later = new Date(Date.now() + 3_600_000).toISOString();
        const sent = await client.messages.send({
          body: 'Later',
          scheduledAt: later,
          messages: [{ to: '+998901234567' }, { to: '+998911234567' }],
        });
        expect(sent.results.map((r) => r.status === 'accepted' && r.messageStatus)).toEqual(['scheduled', 'scheduled']);
        const first = await call(key, 'GET', '/messages?limit=1');
        expect(first.body.data).toHaveLength(1);
        const second = await call(key, 'GET', `/messages?limit=1&cursor=${first.body.nextCursor}`);
        expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
        const id = first.body.data[0].id;
        const canceled = await call(key, 'POST', `/messages/${id}/cancel`);
        expect(canceled.body.status).toBe('canceled');
        expect((await call(key, 'POST', `/messages/${id}/cancel`)).status).toBe(409);
        expect((await client.balance.get()).balance.amount).toBe(100_000 - 7_500);
      });

      it('exports and erases data by phone number', async () => {
        const { key, client } = await t.newAccount();
        await client.messages.send({ to: '+998931234567', body: 'Private' });
        const exported = await call(key, 'POST', '/privacy/export', { phoneNumber: '+998931234567' });
        expect(exported.body.messages).toHaveLength(1);
        const erased = await call(key, 'POST', '/privacy/erasure', { phoneNumber: '+998931234567' });
        expect(erased.body.erasedMessages).toBe(1);
        expect((await call(key, 'POST', '/privacy/export', { phoneNumber: '+998931234567' })).body.messages).toEqual(
          [],
        );
      });
    });

    describe('system routes', () => {
      it('serves health, readiness and an OpenAPI 3.1 document', async () => {
        expect(await (await fetch(`${t.url}/health`)).json()).toEqual({ status: 'ok' });
        expect(await (await fetch(`${t.url}/ready`)).json()).toEqual({
          status: 'ready',
          checks: { database: 'ok' },
          database: backend,
        });
        const doc = await (await fetch(`${t.url}/openapi.json`)).json();
        expect(doc.openapi).toBe('3.1.0');
        expect(Object.keys(doc.paths)).toEqual(
          expect.arrayContaining(['/send', '/status/{id}', '/template', '/balance']),
        );
        expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      });
    });
  });
}
