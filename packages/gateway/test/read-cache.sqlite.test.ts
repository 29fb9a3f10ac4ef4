import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_CACHE_TTL_MS } from '../src/http/gateway-caches';
import { startTestGateway, type TestGateway } from './support/start-test-gateway';

// The send path caches API keys and sender lookups for READ_CACHE_TTL_MS
// (docs/perf/gateway-send-profile.md): these tests pin the staleness bound.
describe('API key cache of authentication (sqlite)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway('sqlite', { rateLimit: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  const balance = (key: string) => fetch(`${t.url}/balance`, { headers: { authorization: `Bearer ${key}` } });

  it('refuses a key revoked outside this process within the cache time to live', async () => {
    const account = await t.newAccount();
    const created = (await (
      await fetch(`${t.url}/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${account.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'cached', mode: 'live', role: 'admin' }),
      })
    ).json()) as { id: string; secret: string };
    const other = created.secret;
    expect((await balance(other)).status).toBe(200);
    // Straight to the database, as another gateway process or the CLI would.
    expect(await t.repository.apiKeys.revoke(account.accountId, created.id, Date.now())).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, READ_CACHE_TTL_MS + 100));
    expect((await balance(other)).status).toBe(401);
  });
});
