import { IdempotencyError } from '@karvon/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/storage/repository';
import { type Backend, startTestGateway, type TestGateway } from './start-test-gateway';

/** Test-only seams on the repository the server uses: stall or fail an acceptance, count completions. */
interface Instrument {
  /** While set, `messages.accept` waits for it; `entered` resolves when one is waiting. */
  stall: { gate: Promise<void>; entered: () => void } | undefined;
  failNextAccept: boolean;
  separateCompletions: number;
}

function instrument(real: Repository, control: Instrument): Repository {
  return {
    ...real,
    messages: {
      ...real.messages,
      accept: async (...args) => {
        const stall = control.stall;
        if (stall) {
          control.stall = undefined;
          stall.entered();
          await stall.gate;
        }
        if (control.failNextAccept) {
          control.failNextAccept = false;
          throw new Error('injected storage failure');
        }
        return real.messages.accept(...args);
      },
    },
    idempotency: {
      ...real.idempotency,
      complete: async (...args) => {
        control.separateCompletions += 1;
        return real.idempotency.complete(...args);
      },
    },
  };
}

const SEND = { to: '+998901234567', body: 'Once only' };

/** The idempotency contract over HTTP, run once per database. */
export function idempotencySuite(backend: Backend): void {
  describe(`Idempotency-Key (${backend})`, () => {
    let t: TestGateway;
    const control: Instrument = { stall: undefined, failNextAccept: false, separateCompletions: 0 };
    beforeAll(async () => {
      t = await startTestGateway(backend, { wrapRepository: (real) => instrument(real, control) });
    });
    afterAll(async () => {
      await t?.close();
    });

    const post = (key: string, idempotencyKey: string | undefined, body: unknown, path = '/send') =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          ...(idempotencyKey !== undefined ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const messageCount = async (accountId: string) =>
      (await t.repository.messages.list(accountId, {}, { limit: 100 })).data.length;

    it('replays the stored response, byte for byte, with Idempotent-Replayed', async () => {
      const { key } = await t.newAccount();
      const first = await post(key, 'replay-1', SEND);
      expect(first.status).toBe(200);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const firstBody = await first.text();
      const again = await post(key, 'replay-1', SEND);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(again.headers.get('karvon-request-id')).not.toBe(first.headers.get('karvon-request-id'));
      expect(await again.text()).toBe(firstBody);
    });

    it('stores a successful send with its acceptance: no separate completion write', async () => {
      const { key, accountId } = await t.newAccount();
      const before = control.separateCompletions;
      const response = await post(key, 'folded-1', SEND);
      expect(response.status).toBe(200);
      expect(control.separateCompletions).toBe(before);
      const record = await t.repository.idempotency.find({ accountId, mode: 'live', key: 'folded-1' });
      expect(record).toMatchObject({ state: 'completed', responseStatus: 200, lockToken: null });
      expect(record?.responseBody).toBe(await response.text());
    });

    it('fingerprints canonical JSON: the same fields in another order replay', async () => {
      const { key, accountId } = await t.newAccount();
      await post(key, 'order-1', { to: SEND.to, body: SEND.body, metadata: { a: '1', b: '2' } });
      const reordered = await post(key, 'order-1', { metadata: { b: '2', a: '1' }, body: SEND.body, to: SEND.to });
      expect(reordered.headers.get('idempotent-replayed')).toBe('true');
      expect(await messageCount(accountId)).toBe(1);
    });

    it('refuses the key with another body as 422 idempotency_key_reused (the SDK throws IdempotencyError)', async () => {
      const { client, accountId } = await t.newAccount();
      await client.messages.send(SEND, { idempotencyKey: 'reuse-1' });
      const error = await client.messages.send({ ...SEND, body: 'Something else' }, { idempotencyKey: 'reuse-1' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IdempotencyError);
      expect(error).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
      expect(await messageCount(accountId)).toBe(1);
    });

    it('refuses the key on another path as idempotency_key_reused', async () => {
      const { key } = await t.newAccount();
      await post(key, 'path-1', SEND);
      const other = await post(key, 'path-1', { name: 'welcome', body: 'Hi {name}' }, '/template');
      expect([other.status, (await other.json()).code]).toEqual([422, 'idempotency_key_reused']);
    });

    it('answers 409 idempotency_key_in_use while the first request runs, then replays its result', async () => {
      const { key, accountId } = await t.newAccount();
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      control.stall = { gate: new Promise<void>((resolve) => (release = resolve)), entered };
      const first = post(key, 'inflight-1', SEND);
      await inside;
      const second = await post(key, 'inflight-1', SEND);
      expect(second.status).toBe(409);
      expect(second.headers.get('retry-after')).toBe('1');
      expect((await second.json()).code).toBe('idempotency_key_in_use');
      release();
      const done = await first;
      expect(done.status).toBe(200);
      const third = await post(key, 'inflight-1', SEND);
      expect(third.headers.get('idempotent-replayed')).toBe('true');
      expect(await third.text()).toBe(await done.text());
      expect(await messageCount(accountId)).toBe(1);
    });

    it('does not store a 5xx: the retry with the same key executes', async () => {
      const { key, accountId } = await t.newAccount();
      control.failNextAccept = true;
      const failed = await post(key, 'fail-1', SEND);
      expect(failed.status).toBe(500);
      expect(await messageCount(accountId)).toBe(0);
      const retried = await post(key, 'fail-1', SEND);
      expect(retried.status).toBe(200);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      expect(await messageCount(accountId)).toBe(1);
    });

    it('stores and replays a 4xx given after execution began', async () => {
      const { key } = await t.newAccount();
      const refused = await post(key, 'refused-1', { to: '+99890', body: 'x' });
      expect(refused.status).toBe(422);
      const again = await post(key, 'refused-1', { to: '+99890', body: 'x' });
      expect(again.status).toBe(422);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('content-type')).toContain('application/problem+json');
      expect((await again.json()).code).toBe((await refused.json()).code);
    });

    it('never stores an auth failure: a permitted key of the account then executes', async () => {
      const account = await t.newAccount();
      const readOnly = await account.keyWith({ role: 'read_only' });
      const forbidden = await post(readOnly, 'auth-1', SEND);
      expect(forbidden.status).toBe(403);
      const allowed = await post(account.key, 'auth-1', SEND);
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('idempotent-replayed')).toBeNull();
    });

    it('scopes keys to the account and to the key mode', async () => {
      const a = await t.newAccount();
      const b = await t.newAccount();
      const first = await (await post(a.key, 'scope-1', SEND)).json();
      const other = await post(b.key, 'scope-1', SEND);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect((await other.json()).results[0].id).not.toBe(first.results[0].id);
      const testKey = await a.keyWith({ mode: 'test' });
      const sandbox = await post(testKey, 'scope-1', SEND);
      expect(sandbox.status).toBe(200);
      expect(sandbox.headers.get('idempotent-replayed')).toBeNull();
    });

    it.each([
      ['too long', 'k'.repeat(256)],
      ['with a space', 'two words'],
      ['non-ASCII', 'ключ'],
      ['empty', ''],
    ])('rejects a key %s with 400 pointing at the header', async (_, value) => {
      const { key, accountId } = await t.newAccount();
      const response = await fetch(`${t.url}/send`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          // fetch refuses non-Latin-1 header values; send the UTF-8 bytes as Latin-1 like a raw client would.
          'idempotency-key': Buffer.from(value, 'utf8').toString('latin1'),
        },
        body: JSON.stringify(SEND),
      });
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe('invalid_request');
      expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/headers/idempotency-key' })]);
      expect(await messageCount(accountId)).toBe(0);
    });

    it('accepts a key of 255 visible characters', async () => {
      const { key } = await t.newAccount();
      expect((await post(key, `${'~'.repeat(254)}!`, SEND)).status).toBe(200);
    });

    it('makes exactly one message of 50 concurrent identical requests, debited once', async () => {
      const { key, accountId } = await t.newAccount({ balance: 1_000_000 });
      const responses = await Promise.all(Array.from({ length: 50 }, () => post(key, 'burst-50', SEND)));
      const bodies = await Promise.all(responses.map(async (r) => ({ r, body: await r.json() })));
      const ok = bodies.filter(({ r }) => r.status === 200);
      const inUse = bodies.filter(({ r }) => r.status === 409);
      expect(ok.length + inUse.length).toBe(50);
      expect(inUse.every(({ body }) => body.code === 'idempotency_key_in_use')).toBe(true);
      expect(ok.filter(({ r }) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
      expect(new Set(ok.map(({ body }) => body.results[0].id)).size).toBe(1);
      expect(await messageCount(accountId)).toBe(1);
      const account = await t.repository.accounts.get(accountId);
      const price = ok[0]?.body.results[0].price.amount as number;
      expect(account?.balance).toBe(1_000_000 - price);
      expect((await t.repository.ledger.list(accountId, { limit: 10 })).data).toHaveLength(1);
    });
  });

  describe(`Idempotency-Key expiry (${backend})`, () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startTestGateway(backend, { gateway: { idempotencyTtlMs: 50 } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('forgets a key after its time to live: the same request executes again', async () => {
      const { key, accountId } = await t.newAccount();
      const send = () =>
        fetch(`${t.url}/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'ttl-1' },
          body: JSON.stringify(SEND),
        });
      expect((await send()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const later = await send();
      expect(later.headers.get('idempotent-replayed')).toBeNull();
      expect((await t.repository.messages.list(accountId, {}, { limit: 10 })).data).toHaveLength(2);
      const purged = await t.repository.retention.run({
        redactBodiesBefore: 0,
        purgeBefore: 0,
        now: Date.now() + 1_000,
      });
      expect(purged.idempotencyPurged).toBeGreaterThanOrEqual(1);
    });
  });
}
