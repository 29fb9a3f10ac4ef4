import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedServer, startScriptedServer } from '../../../../test-utils/src/index';
import { ConnectionError } from '../../errors/connection-error';
import { AuthenticationError, ValidationError } from '../../errors/status-errors';
import { Karvon } from '../karvon';
import { clientCredentialsTokenProvider } from './client-credentials-token-provider';

let server: ScriptedServer;
let clock: number;
let issued: number;

beforeEach(async () => {
  server = await startScriptedServer();
  clock = 1_000_000;
  issued = 0;
  server.route('POST', '/oauth/token', () => {
    issued += 1;
    return {
      body: { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 3600, scope: 'messages:send' },
    };
  });
});
afterEach(async () => {
  await server.close();
});

const provider = (extra: { scope?: string | string[]; refreshMarginMs?: number } = {}) =>
  clientCredentialsTokenProvider({
    baseUrl: `${server.url}/`,
    clientId: 'key_1',
    clientSecret: 'kv_live_secret',
    now: () => clock,
    ...extra,
  });

describe('clientCredentialsTokenProvider', () => {
  it('posts a form-encoded client-credentials grant to /oauth/token', async () => {
    await expect(provider({ scope: ['messages:send', 'messages:read'] })()).resolves.toBe('token-1');
    const request = server.requests[0]!;
    expect(request).toMatchObject({ method: 'POST', path: '/oauth/token' });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'key_1',
      client_secret: 'kv_live_secret',
      scope: 'messages:send messages:read',
    });
  });

  it('reuses the token until shortly before it expires, then fetches a new one', async () => {
    const token = provider({ refreshMarginMs: 60_000 });
    expect(await token()).toBe('token-1');
    clock += 3_539_000; // 1 s before the refresh point (expiry minus 60 s)
    expect(await token()).toBe('token-1');
    clock += 1_000;
    expect(await token()).toBe('token-2');
    expect(server.requests).toHaveLength(2);
  });

  it('refreshes a short-lived token at half its lifetime at the latest', async () => {
    server.route('POST', '/oauth/token', () => {
      issued += 1;
      return { body: { access_token: `short-${issued}`, token_type: 'Bearer', expires_in: 60, scope: '' } };
    });
    const token = provider({ refreshMarginMs: 120_000 });
    expect(await token()).toBe('short-1');
    clock += 29_000;
    expect(await token()).toBe('short-1');
    clock += 1_000;
    expect(await token()).toBe('short-2');
  });

  it('shares one token request between concurrent callers', async () => {
    const token = provider();
    const tokens = await Promise.all([token(), token(), token()]);
    expect(tokens).toEqual(['token-1', 'token-1', 'token-1']);
    expect(server.requests).toHaveLength(1);
  });

  it('turns RFC 6749 errors into the usual error classes and does not cache the failure', async () => {
    server.reply(
      { status: 401, body: { error: 'invalid_client', error_description: 'Unknown client' } },
      { status: 400, body: { error: 'invalid_scope' } },
    );
    const token = provider();
    const first = await token().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AuthenticationError);
    expect(first).toMatchObject({ status: 401, code: 'invalid_client', detail: 'Unknown client' });
    await expect(token()).rejects.toBeInstanceOf(ValidationError);
    await expect(token()).resolves.toBe('token-1');
  });

  it('never puts the client secret in its errors', async () => {
    server.reply({ status: 401, body: { error: 'invalid_client' } });
    const error = await provider()().catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('kv_live_secret');
    expect(String(error)).not.toContain('kv_live_secret');
  });

  it('reports an unreachable token endpoint as a ConnectionError', async () => {
    const url = server.url;
    await server.close();
    const token = clientCredentialsTokenProvider({ baseUrl: url, clientId: 'key_1', clientSecret: 's' });
    await expect(token()).rejects.toBeInstanceOf(ConnectionError);
    server = await startScriptedServer();
  });

  it('feeds the client: each API call carries the cached access token', async () => {
    server.route('GET', '/balance', { body: { balance: { amount: 0, currency: 'UZS' }, ledger: [] } });
    const karvon = new Karvon({ apiKey: provider(), baseUrl: server.url });
    await karvon.balance.get();
    await karvon.balance.get();
    const calls = server.requests.filter((r) => r.path === '/balance');
    expect(calls.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(server.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
  });
});
