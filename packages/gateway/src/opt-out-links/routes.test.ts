import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentChange } from '../storage/consent-repository';
import { type OptOutLinkContext, optOutLinkRoutes } from './routes';

const CODE = 'Ab3dE9xZ';
const LINK = { accountId: 'acc_1', phoneNumber: '+998901234567', accountName: 'Acme <Shop>', usedAt: null };
const NOW = 1_750_000_000_000;

/** The repositories the routes use, in memory: one known code, the ledger as a list, opted-out numbers as a set. */
function stubContext() {
  const recorded: ConsentChange[] = [];
  const optedOut = new Set<string>();
  const resolved: string[] = [];
  const ctx: OptOutLinkContext = {
    now: () => NOW,
    repository: {
      optOutLinks: {
        async resolve(code) {
          resolved.push(code);
          return code === CODE ? LINK : undefined;
        },
      },
      consentLedger: {
        async record(change) {
          recorded.push(change);
          const key = `${change.accountId}:${change.phoneNumber}`;
          if (optedOut.has(key)) return false;
          optedOut.add(key);
          return true;
        },
      },
    },
  };
  return { ctx, recorded, resolved };
}

describe('opt-out link routes', () => {
  let app: FastifyInstance;
  let stub: ReturnType<typeof stubContext>;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  beforeEach(async () => {
    stub = stubContext();
    app = Fastify();
    optOutLinkRoutes(app, stub.ctx);
    // A JSON route beside the pages, as the API is: the pages' form parser must not reach it.
    app.post('/api', async (request) => ({ got: request.body }));
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it('shows the confirm page for a known code, in the Accept-Language, with the number masked', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/u/${CODE}`,
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="ru">');
    expect(response.body).toContain('Хотите перестать получать сообщения от Acme &lt;Shop&gt;?');
    expect(response.body).toContain(`action="/u/${CODE}?lang=ru"`);
    expect(response.body).toContain('+99890*****67');
    expect(response.body).not.toContain('901234567');
    expect(stub.recorded).toEqual([]);
  });

  it('sends the security headers on every page', async () => {
    const pages = [
      await app.inject({ method: 'GET', url: `/u/${CODE}` }),
      await app.inject({ method: 'GET', url: '/u/Zz9Zz9Zz' }),
      await app.inject({ method: 'POST', url: `/u/${CODE}` }),
    ];
    for (const response of pages) {
      expect(response.headers).toMatchObject({
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
    }
  });

  it('answers an unknown code with the not-found page, and does not look up a malformed one', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/u/Zz9Zz9Zz?lang=en' });
    expect([unknown.statusCode, unknown.body.includes('This link is not valid')]).toEqual([404, true]);
    for (const bad of ['short', 'Ab3dE9xZ1', 'Ab3dE9x%21', '%3Cscript%3E']) {
      const response = await app.inject({ method: 'GET', url: `/u/${bad}` });
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Havola yaroqsiz');
      expect(response.body).not.toContain('<script>');
    }
    expect(stub.resolved).toEqual(['Zz9Zz9Zz']);
  });

  it('records an account-scoped opt-out from the link and shows the done page', async () => {
    const response = await app.inject({ method: 'POST', url: `/u/${CODE}?lang=en`, headers: form, payload: '' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('You will no longer receive marketing messages from Acme &lt;Shop&gt;');
    expect(stub.recorded).toEqual([
      {
        accountId: 'acc_1',
        phoneNumber: '+998901234567',
        action: 'opt_out',
        scope: 'account',
        source: 'link',
        keyword: null,
        at: NOW,
      },
    ]);
  });

  it('shows the done page again on a second POST (already opted out)', async () => {
    const first = await app.inject({ method: 'POST', url: `/u/${CODE}?lang=uz`, headers: form, payload: 'x=1' });
    const second = await app.inject({ method: 'POST', url: `/u/${CODE}?lang=uz` });
    for (const response of [first, second]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Endi Acme &lt;Shop&gt; reklama xabarlari sizga yuborilmaydi');
    }
    expect(stub.recorded).toHaveLength(2);
  });

  it('refuses a POST body that is not a form with 415, before recording anything', async () => {
    for (const [type, payload] of [
      ['application/json', '{"x":1}'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['text/plain', 'stop'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: `/u/${CODE}`,
        headers: { 'content-type': type },
        payload,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().code).toBe('unsupported_media_type');
    }
    expect(stub.recorded).toEqual([]);
  });

  it('does not opt anyone out for an unknown code', async () => {
    const response = await app.inject({ method: 'POST', url: '/u/Zz9Zz9Zz', headers: form, payload: '' });
    expect(response.statusCode).toBe(404);
    expect(stub.recorded).toEqual([]);
  });

  it('keeps the form parser to the pages: the rest of the app still refuses form bodies', async () => {
    const response = await app.inject({ method: 'POST', url: '/api', headers: form, payload: 'a=1' });
    expect(response.statusCode).toBe(415);
    const json = await app.inject({ method: 'POST', url: '/api', payload: { a: 1 } });
    expect(json.json()).toEqual({ got: { a: 1 } });
  });
});
