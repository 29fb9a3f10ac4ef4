import { RateLimitError } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, startTestGateway, type TestGateway } from './start-test-gateway';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Per-key token buckets over HTTP, run once per database. */
export function rateLimitSuite(backend: Backend): void {
  describe(`rate limits (${backend})`, () => {
    let t: TestGateway;
    beforeAll(async () => {
      // Generous defaults; each test narrows its account's bucket.
      t = await startTestGateway(backend, { rateLimit: { perSecond: 100, burst: 100 } });
    });
    afterAll(async () => {
      await t?.close();
    });

    const get = (key: string, headers: Record<string, string> = {}) =>
      fetch(`${t.url}/balance`, { headers: { authorization: `Bearer ${key}`, ...headers } });

    it('sends RateLimit and RateLimit-Policy on successful responses', async () => {
      const { key } = await t.newAccount();
      const response = await get(key);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-policy')).toBe('"default";q=100;w=1');
      expect(response.headers.get('ratelimit')).toMatch(/^"default";r=99;t=1$/);
    });

    it('answers 429 rate_limited with Retry-After once the bucket is empty, and lets the next request through after it', async () => {
      const { key, accountId, client } = await t.newAccount();
      await t.repository.accounts.setRateLimit(accountId, { perSecond: 1, burst: 2 });
      const first = await get(key);
      expect(first.headers.get('ratelimit-policy')).toBe('"default";q=2;w=2');
      expect(first.headers.get('ratelimit')).toBe('"default";r=1;t=1');
      const second = await get(key);
      expect(second.headers.get('ratelimit')).toBe('"default";r=0;t=1');
      const limited = await get(key);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('ratelimit')).toBe('"default";r=0;t=1');
      expect(limited.headers.get('ratelimit-policy')).toBe('"default";q=2;w=2');
      expect((await limited.json()).code).toBe('rate_limited');
      const error = await client.balance.get().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(1_000);
      await sleep(Number(limited.headers.get('retry-after')) * 1_000 + 50);
      expect((await get(key)).status).toBe(200);
    });

    it('keeps one bucket per key, sized by the account setting over the default', async () => {
      const account = await t.newAccount();
      await t.repository.accounts.setRateLimit(account.accountId, { perSecond: 1, burst: 1 });
      const otherKey = await account.keyWith({});
      expect((await get(account.key)).status).toBe(200);
      expect((await get(account.key)).status).toBe(429);
      expect((await get(otherKey)).status).toBe(200);
      const stranger = await t.newAccount();
      const response = await get(stranger.key);
      expect(response.headers.get('ratelimit-policy')).toBe('"default";q=100;w=1');
      // Only the per-second rate set: the burst stays the default.
      await t.repository.accounts.setRateLimit(stranger.accountId, { perSecond: 10, burst: null });
      expect((await get(stranger.key)).headers.get('ratelimit-policy')).toBe('"default";q=100;w=10');
    });

    it('does not spend an idempotency key on a 429', async () => {
      const { key, accountId } = await t.newAccount();
      await t.repository.accounts.setRateLimit(accountId, { perSecond: 1, burst: 1 });
      const send = () =>
        fetch(`${t.url}/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'rl-1' },
          body: JSON.stringify({ to: '+998901234567', body: 'Hi' }),
        });
      expect((await get(key)).status).toBe(200);
      const limited = await send();
      expect(limited.status).toBe(429);
      await sleep(1_050);
      const executed = await send();
      expect(executed.status).toBe(200);
      expect(executed.headers.get('idempotent-replayed')).toBeNull();
    });
  });
}
