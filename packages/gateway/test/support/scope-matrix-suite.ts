import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SCOPES, type RouteScopeRule, SCOPES, type Scope } from '../../src/accounts/scopes';
import { OPT_OUT_LINK_ROUTES } from '../../src/opt-out-links/routes';
import { type CallResult, httpCall, samplePath } from './http-call';
import { registeredRoutes } from './registered-routes';
import { type Backend, startTestGateway, type TestAccount, type TestGateway } from './start-test-gateway';

const KEY_ROUTES = ROUTE_SCOPES.filter((r) => r.auth === 'api_key');
const SINGLE_SCOPES = SCOPES.filter((s) => s !== 'admin');
const label = (rule: RouteScopeRule) => `${rule.method} ${rule.path}`;

/** Past authentication and the scope check: anything but 401 and 403 (a 404 or 422 is the handler's). */
function passedAuth(result: CallResult): boolean {
  return result.status !== 401 && result.status !== 403;
}

/**
 * The scope × route matrix, driven by ROUTE_SCOPES: a route added to the
 * table is covered without touching this file. Run once per database.
 */
export function scopeMatrixSuite(backend: Backend): void {
  describe(`scope × route matrix (${backend})`, () => {
    let t: TestGateway;
    let account: TestAccount;
    const keys = new Map<string, string>();
    const keyFor = (scopes: readonly Scope[]) => keys.get([...scopes].sort().join(' ')) as string;
    const call = (rule: RouteScopeRule, key: string | undefined, headers: Record<string, string> = {}) =>
      httpCall(t.url, rule.method, samplePath(rule.path), {
        ...(key !== undefined ? { key } : {}),
        ...(rule.method === 'POST' ? { body: {} } : {}),
        headers,
      });

    beforeAll(async () => {
      t = await startTestGateway(backend);
      account = await t.newAccount();
      // One key per scope set the matrix needs, made through the API itself.
      const sets: Scope[][] = [
        ...SINGLE_SCOPES.map((s) => [s]),
        ...KEY_ROUTES.filter((r) => r.scopes.length > 1).map((r) => [...r.scopes]),
        ...KEY_ROUTES.filter((r) => r.scopes.length > 1).flatMap((r) =>
          r.scopes.map((drop) => SCOPES.filter((s) => s !== drop && s !== 'admin')),
        ),
        ['admin'],
      ];
      for (const scopes of sets) {
        const id = [...scopes].sort().join(' ');
        if (keys.has(id)) continue;
        const created = await httpCall(t.url, 'POST', '/keys', {
          key: account.key,
          body: { name: id.slice(0, 100), mode: 'live', scopes },
        });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        keys.set(id, created.body.secret);
      }
    });
    afterAll(async () => {
      await t?.close();
    });

    it('has a ROUTE_SCOPES row for every route Fastify serves, and a route for every row', () => {
      // The opt-out link pages are public pages for recipients, not API routes (no key, no scope).
      const served = registeredRoutes(t.gateway.app)
        .filter((route) => !OPT_OUT_LINK_ROUTES.includes(route))
        .sort();
      const table = ROUTE_SCOPES.map(label).sort();
      expect(served).toEqual(table);
    });

    it('lets a key with a single scope reach exactly the routes that need only that scope', async () => {
      const wrong: string[] = [];
      for (const rule of KEY_ROUTES) {
        for (const scope of SINGLE_SCOPES) {
          const result = await call(rule, keyFor([scope]));
          const shouldPass = rule.scopes.every((s) => s === scope);
          const ok = shouldPass
            ? passedAuth(result)
            : result.status === 403 && result.body?.code === 'insufficient_scope';
          if (!ok) wrong.push(`${label(rule)} with ${scope}: ${result.status} ${result.body?.code ?? ''}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('needs every scope of a route that lists several, and no more', async () => {
      const multi = KEY_ROUTES.filter((r) => r.scopes.length > 1);
      expect(multi.length).toBeGreaterThan(0);
      for (const rule of multi) {
        expect(passedAuth(await call(rule, keyFor(rule.scopes))), label(rule)).toBe(true);
        for (const drop of rule.scopes) {
          const allButOne = SCOPES.filter((s) => s !== drop && s !== 'admin');
          const result = await call(rule, keyFor(allButOne));
          expect([result.status, result.body?.code], `${label(rule)} without ${drop}`).toEqual([
            403,
            'insufficient_scope',
          ]);
          expect(result.body.detail).toContain(drop);
        }
      }
    });

    it('lets an admin key through every route', async () => {
      for (const rule of KEY_ROUTES) {
        const result = await call(rule, keyFor(['admin']));
        expect(passedAuth(result), `${label(rule)}: ${result.status} ${result.body?.code}`).toBe(true);
      }
    });

    it('answers 401 unauthenticated without a key and invalid_api_key for a wrong one, on every key route', async () => {
      const wrongKey = `${account.key.slice(0, -8)}AAAAAAAA`;
      for (const rule of KEY_ROUTES) {
        const none = await call(rule, undefined);
        expect([none.status, none.body?.code], label(rule)).toEqual([401, 'unauthenticated']);
        expect(none.headers.get('www-authenticate')).toContain('Bearer');
        const bad = await call(rule, wrongKey);
        expect([bad.status, bad.body?.code], label(rule)).toEqual([401, 'invalid_api_key']);
        const malformed = await call(rule, undefined, { authorization: 'Basic Zm9vOmJhcg==' });
        expect([malformed.status, malformed.body?.code], label(rule)).toEqual([401, 'unauthenticated']);
      }
    });

    it('answers 401 to a revoked key on every key route', async () => {
      const created = await httpCall(t.url, 'POST', '/keys', {
        key: account.key,
        body: { name: 'to revoke', mode: 'live', role: 'admin' },
      });
      const revoked = await httpCall(t.url, 'DELETE', `/keys/${created.body.id}`, { key: account.key });
      expect(revoked.status).toBe(200);
      for (const rule of KEY_ROUTES) {
        const result = await call(rule, created.body.secret);
        expect([result.status, result.body?.code], label(rule)).toEqual([401, 'invalid_api_key']);
      }
    });

    it('enforces the IP allowlist on every key route, for IPv4 and IPv6 loopback entries', async () => {
      const make = async (ipAllowlist: string[]) =>
        (
          await httpCall(t.url, 'POST', '/keys', {
            key: account.key,
            body: { name: `ip ${ipAllowlist.join(',')}`, mode: 'live', role: 'admin', ipAllowlist },
          })
        ).body.secret as string;
      const elsewhere = await make(['10.0.0.0/8']);
      const loopback4 = await make(['127.0.0.1/32']);
      const loopbackBoth = await make(['::1', '127.0.0.1']);
      for (const rule of KEY_ROUTES) {
        const refused = await call(rule, elsewhere);
        expect([refused.status, refused.body?.code], label(rule)).toEqual([403, 'ip_not_allowed']);
        expect(passedAuth(await call(rule, loopback4)), label(rule)).toBe(true);
        expect(passedAuth(await call(rule, loopbackBoth)), label(rule)).toBe(true);
      }
    });

    it('never asks for a key on the open routes', async () => {
      for (const rule of ROUTE_SCOPES.filter((r) => r.auth === 'none')) {
        const result = await call(rule, undefined);
        expect(passedAuth(result) || rule.path === '/oauth/token', label(rule)).toBe(true);
        expect(result.body?.code, label(rule)).not.toBe('unauthenticated');
      }
    });
  });
}
