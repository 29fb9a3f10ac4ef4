import { createId } from '@karvon/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewMessage, Repository } from '../repository';

export interface RepositoryBatteryOptions {
  /** A fresh, migrated, empty repository. */
  open(): Promise<Repository>;
  /** Dialect-specific durability check (PRAGMA / SHOW). */
  assertDurability(repository: Repository): Promise<void>;
}

let clock = Date.UTC(2026, 10, 1);
const tick = () => ++clock;

export function newMessage(overrides: Partial<NewMessage> = {}): NewMessage {
  const createdAt = tick();
  return {
    id: createId('message', { now: createdAt }),
    to: '+998901234567',
    from: 'Karvon',
    body: 'Hello',
    type: 'transactional',
    encoding: 'GSM-7',
    segments: 1,
    price: 100,
    currency: 'UZS',
    status: 'queued',
    priority: 0,
    notBefore: null,
    scheduledAt: null,
    expiresAt: null,
    operator: null,
    operatorSource: null,
    mode: 'live',
    country: 'UZ',
    templateId: null,
    templateVersion: null,
    clientReference: null,
    metadata: null,
    callbackUrl: null,
    createdAt,
    ledgerEntryId: createId('ledgerEntry'),
    ...overrides,
  };
}

async function newAccount(repo: Repository, balance: number) {
  return repo.accounts.create({
    id: createId('account'),
    name: `acct-${tick()}`,
    currency: 'UZS',
    balance,
    createdAt: tick(),
  });
}

/** The one battery every Repository implementation must pass. */
export function repositoryBattery(name: string, options: RepositoryBatteryOptions): void {
  describe(`Repository conformance: ${name}`, () => {
    let repo: Repository;
    beforeAll(async () => {
      repo = await options.open();
    });
    afterAll(async () => {
      await repo?.close();
    });

    it('commits durably (synchronous settings asserted)', async () => {
      await options.assertDurability(repo);
    });

    it('accepts a batch atomically: debit, messages, first history row, one ledger row per message', async () => {
      const acct = await newAccount(repo, 1_000);
      const batch = [newMessage({ price: 300, segments: 3 }), newMessage({ price: 200, segments: 2 })];
      const result = await repo.messages.accept(acct.id, batch);
      expect(result).toEqual({ ok: true, balance: 500, total: 500 });
      const stored = await repo.messages.get(acct.id, batch[0]!.id);
      expect(stored?.history.map((h) => h.status)).toEqual(['queued']);
      expect(stored?.price).toBe(300);
      const ledger = await repo.ledger.list(acct.id, { limit: 10 });
      expect(ledger.data.map((l) => [l.amount, l.parts]).sort()).toEqual([
        [-200, 2],
        [-300, 3],
      ]);
      expect((await repo.accounts.get(acct.id))?.balance).toBe(500);
    });

    it('writes nothing when the balance does not cover the whole batch', async () => {
      const acct = await newAccount(repo, 250);
      const batch = [newMessage({ price: 200 }), newMessage({ price: 100 })];
      const result = await repo.messages.accept(acct.id, batch);
      expect(result).toMatchObject({ ok: false, reason: 'insufficient_balance', balance: 250, total: 300 });
      expect(await repo.messages.get(acct.id, batch[0]!.id)).toBeUndefined();
      expect((await repo.ledger.list(acct.id, { limit: 10 })).data).toEqual([]);
      expect((await repo.accounts.get(acct.id))?.balance).toBe(250);
    });

    it('never overdraws under 50 concurrent debits', async () => {
      const acct = await newAccount(repo, 1_000);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => repo.messages.accept(acct.id, [newMessage({ price: 30 })])),
      );
      const accepted = results.filter((r) => r.ok).length;
      expect(accepted).toBe(33);
      expect((await repo.accounts.get(acct.id))?.balance).toBe(1_000 - 33 * 30);
      expect((await repo.messages.list(acct.id, {}, { limit: 100 })).data).toHaveLength(33);
    });

    it('pages messages newest first with a stable cursor', async () => {
      const acct = await newAccount(repo, 10_000);
      const batch = Array.from({ length: 7 }, () => newMessage({ price: 1 }));
      await repo.messages.accept(acct.id, batch);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await repo.messages.list(acct.id, {}, { cursor, limit: 3 });
        seen.push(...page.data.map((m) => m.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(batch.map((m) => m.id).reverse());
      const filtered = await repo.messages.list(acct.id, { status: 'delivered' }, { limit: 10 });
      expect(filtered.data).toEqual([]);
    });

    it("does not find another account's resources", async () => {
      const a = await newAccount(repo, 1_000);
      const b = await newAccount(repo, 1_000);
      const m = newMessage();
      await repo.messages.accept(a.id, [m]);
      expect(await repo.messages.get(b.id, m.id)).toBeUndefined();
      expect(await repo.messages.cancel(b.id, m.id, { now: tick(), ledgerEntryId: createId('ledgerEntry') })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      const t = await repo.templates.upsert(a.id, {
        newId: createId('template'),
        name: 'otp',
        body: 'Code {code}',
        type: null,
        variables: ['code'],
        now: tick(),
      });
      if (!t.ok) throw new Error('upsert failed');
      expect(await repo.templates.get(b.id, t.template.id)).toBeUndefined();
      expect(await repo.templates.delete(b.id, t.template.id, tick())).toBe(false);
    });

    it('cancels a queued message once and refunds its price', async () => {
      const acct = await newAccount(repo, 1_000);
      const m = newMessage({ price: 400, segments: 4 });
      await repo.messages.accept(acct.id, [m]);
      const canceled = await repo.messages.cancel(acct.id, m.id, {
        now: tick(),
        ledgerEntryId: createId('ledgerEntry'),
      });
      expect(canceled).toMatchObject({ ok: true, refunded: 400 });
      if (canceled.ok) expect(canceled.message.history.map((h) => h.status)).toEqual(['queued', 'canceled']);
      expect((await repo.accounts.get(acct.id))?.balance).toBe(1_000);
      const again = await repo.messages.cancel(acct.id, m.id, { now: tick(), ledgerEntryId: createId('ledgerEntry') });
      expect(again).toEqual({ ok: false, reason: 'not_cancelable', status: 'canceled' });
    });

    it('finds due messages and moves each once, refunding only when asked', async () => {
      const acct = await newAccount(repo, 1_000);
      const now = tick() + 10_000;
      const due = newMessage({ mode: 'test', price: 300 });
      const later = newMessage({ mode: 'test', status: 'scheduled', notBefore: now + 60_000 });
      const overdue = newMessage({ mode: 'test', status: 'scheduled', notBefore: now + 60_000, expiresAt: now - 1 });
      const live = newMessage({ mode: 'live' });
      await repo.messages.accept(acct.id, [due, later, overdue, live]);
      const found = (await repo.messages.findDue({ mode: 'test', now, limit: 100 })).map((m) => m.id);
      expect(found).toContain(due.id);
      expect(found).toContain(overdue.id);
      expect(found).not.toContain(later.id);
      expect(found).not.toContain(live.id);
      const move = { accountId: acct.id, id: due.id, from: 'queued', to: 'expired', at: now, carrier: 'sandbox' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          repo.messages.transition({
            ...move,
            errorCode: 'validity_expired',
            reason: null,
            refund: { ledgerEntryId: createId('ledgerEntry') },
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const after = await repo.messages.get(acct.id, due.id);
      expect(after?.history.map((h) => [h.status, h.carrier])).toEqual([
        ['queued', null],
        ['expired', 'sandbox'],
      ]);
      expect((await repo.accounts.get(acct.id))?.balance).toBe(1_000 - 3 * 100);
      expect(
        await repo.messages.transition({ ...move, from: 'scheduled', to: 'queued', errorCode: null, reason: null }),
      ).toBe(false);
      expect(
        await repo.messages.transition({
          ...move,
          id: later.id,
          from: 'scheduled',
          to: 'queued',
          errorCode: null,
          reason: null,
          notBefore: null,
        }),
      ).toBe(true);
      expect((await repo.messages.get(acct.id, later.id))?.notBefore).toBeNull();
    });

    it('versions templates by id or name and bumps only on a body change', async () => {
      const acct = await newAccount(repo, 0);
      const base = { type: null, variables: ['x'], now: tick() };
      const v1 = await repo.templates.upsert(acct.id, {
        ...base,
        newId: createId('template'),
        name: 'hello',
        body: 'Hi {x}',
      });
      const v2 = await repo.templates.upsert(acct.id, {
        ...base,
        newId: createId('template'),
        name: 'hello',
        body: 'Hey {x}',
      });
      if (!v1.ok || !v2.ok) throw new Error('upsert failed');
      expect(v2.template.id).toBe(v1.template.id);
      expect([v1.template.version, v2.template.version]).toEqual([1, 2]);
      const same = await repo.templates.upsert(acct.id, {
        ...base,
        id: v1.template.id,
        newId: createId('template'),
        name: 'hello',
        body: 'Hey {x}',
      });
      expect(same.ok && same.template.version).toBe(2);
      expect((await repo.templates.get(acct.id, 'hello'))?.body).toBe('Hey {x}');
      expect(await repo.templates.delete(acct.id, v1.template.id, tick())).toBe(true);
      expect(await repo.templates.get(acct.id, v1.template.id)).toBeUndefined();
      const missing = await repo.templates.upsert(acct.id, {
        ...base,
        id: v1.template.id,
        newId: 'x',
        name: 'n',
        body: 'b',
      });
      expect(missing).toEqual({ ok: false, reason: 'not_found' });
    });

    it('lets exactly one of 50 concurrent requests start an idempotency key', async () => {
      const acct = await newAccount(repo, 0);
      const now = tick();
      const scope = { accountId: acct.id, mode: 'live' as const, key: 'k1' };
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          repo.idempotency.begin({
            ...scope,
            lockToken: `t${i}`,
            fingerprint: 'f',
            createdAt: now,
            expiresAt: now + 60_000,
            staleBefore: now - 60_000,
          }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'started')).toHaveLength(1);
      const holder = `t${results.findIndex((r) => r.outcome === 'started')}`;
      const response = { status: 200, headers: { a: 'b' }, body: '{}' };
      expect(await repo.idempotency.complete({ ...scope, lockToken: 'not-the-holder' }, response)).toBe(false);
      expect(await repo.idempotency.complete({ ...scope, lockToken: holder }, response)).toBe(true);
      expect(await repo.idempotency.find(scope)).toMatchObject({ state: 'completed', responseStatus: 200 });
      // A completed key is never released: its side effects happened.
      await repo.idempotency.release({ ...scope, lockToken: holder });
      expect(await repo.idempotency.find(scope)).toMatchObject({ state: 'completed' });
      expect(await repo.idempotency.find({ ...scope, mode: 'test' })).toBeUndefined();
    });

    it('releases an in-progress key only for its holder, and lets a stale one be taken over', async () => {
      const acct = await newAccount(repo, 0);
      const now = tick();
      const scope = { accountId: acct.id, mode: 'test' as const, key: 'k2' };
      const begin = (lockToken: string, at: number) =>
        repo.idempotency.begin({
          ...scope,
          lockToken,
          fingerprint: 'f',
          createdAt: at,
          expiresAt: at + 600_000,
          staleBefore: at - 60_000,
        });
      expect(await begin('a', now)).toEqual({ outcome: 'started' });
      await repo.idempotency.release({ ...scope, lockToken: 'b' });
      expect((await begin('b', now + 1)).outcome).toBe('existing');
      // 61 s later the holder is presumed dead: b takes over and a is fenced out.
      expect(await begin('b', now + 61_000)).toEqual({ outcome: 'started' });
      expect(
        await repo.idempotency.complete({ ...scope, lockToken: 'a' }, { status: 200, headers: {}, body: '' }),
      ).toBe(false);
      await repo.idempotency.release({ ...scope, lockToken: 'b' });
      expect(await repo.idempotency.find(scope)).toBeUndefined();
    });

    it('completes an idempotency key in the same transaction as the acceptance, or not at all', async () => {
      const acct = await newAccount(repo, 1_000);
      const now = tick();
      const scope = { accountId: acct.id, mode: 'live' as const, key: 'k3' };
      await repo.idempotency.begin({
        ...scope,
        lockToken: 'holder',
        fingerprint: 'f',
        createdAt: now,
        expiresAt: now + 60_000,
        staleBefore: now - 60_000,
      });
      const response = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":1}' };
      const lost = newMessage({ price: 100 });
      await expect(
        repo.messages.accept(acct.id, [lost], {
          idempotency: { lock: { ...scope, lockToken: 'other' }, response },
        }),
      ).rejects.toThrow(/no longer held/);
      expect(await repo.messages.get(acct.id, lost.id)).toBeUndefined();
      expect((await repo.accounts.get(acct.id))?.balance).toBe(1_000);

      const poor = await repo.messages.accept(acct.id, [newMessage({ price: 5_000 })], {
        idempotency: { lock: { ...scope, lockToken: 'holder' }, response },
      });
      expect(poor.ok).toBe(false);
      expect(await repo.idempotency.find(scope)).toMatchObject({ state: 'in_progress' });

      const kept = newMessage({ price: 100 });
      const ok = await repo.messages.accept(acct.id, [kept], {
        idempotency: { lock: { ...scope, lockToken: 'holder' }, response },
      });
      expect(ok.ok).toBe(true);
      expect(await repo.idempotency.find(scope)).toMatchObject({
        state: 'completed',
        responseStatus: 200,
        responseBody: '{"ok":1}',
        responseHeaders: { 'content-type': 'application/json' },
      });
      expect(await repo.messages.get(acct.id, kept.id)).toBeDefined();
    });

    it('stores per-account rate limits', async () => {
      const acct = await newAccount(repo, 0);
      expect(await repo.accounts.setRateLimit(acct.id, { perSecond: 5, burst: 10 })).toMatchObject({
        rateLimitPerSecond: 5,
        rateLimitBurst: 10,
      });
      expect(await repo.accounts.get(acct.id)).toMatchObject({ rateLimitPerSecond: 5, rateLimitBurst: 10 });
      await repo.accounts.setRateLimit(acct.id, { perSecond: null, burst: null });
      expect(await repo.accounts.get(acct.id)).toMatchObject({ rateLimitPerSecond: null, rateLimitBurst: null });
      expect(await repo.accounts.setRateLimit('acct_missing', { perSecond: 1, burst: 1 })).toBeUndefined();
    });

    it('finds active API keys by hash only', async () => {
      const acct = await newAccount(repo, 0);
      const key = {
        id: createId('apiKey'),
        accountId: acct.id,
        name: null,
        prefix: 'kv_test_ab',
        hash: `h-${tick()}`,
        mode: 'test' as const,
        scopes: ['admin'],
        ipAllowlist: ['10.0.0.0/8'],
        createdAt: tick(),
        expiresAt: null,
      };
      await repo.apiKeys.insert(key);
      expect(await repo.apiKeys.findByHash(key.hash, tick())).toMatchObject({ id: key.id, scopes: ['admin'] });
      expect(await repo.apiKeys.revoke(acct.id, key.id, tick())).toBe(true);
      expect(await repo.apiKeys.findByHash(key.hash, tick())).toBeUndefined();
    });

    it('takes rate-limit tokens until the bucket is empty', async () => {
      const bucket = `b-${tick()}`;
      const now = tick();
      const rule = { capacity: 3, refillPerSecond: 1 };
      const taken = [];
      for (let i = 0; i < 4; i++) taken.push(await repo.rateLimits.take(bucket, rule, now));
      expect(taken.map((t) => t.allowed)).toEqual([true, true, true, false]);
      expect(taken[3]?.retryAfterMs).toBeGreaterThan(0);
      expect((await repo.rateLimits.take(bucket, rule, now + 1_000)).allowed).toBe(true);
    });

    it('keeps a replay made while an attempt was in flight: that attempt, recorded late, does not undo it', async () => {
      const acct = await newAccount(repo, 1_000);
      const endpointId = createId('webhookEndpoint');
      await repo.webhookEndpoints.create({
        id: endpointId,
        accountId: acct.id,
        url: 'https://hooks.example.com/karvon',
        events: [],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        createdAt: tick(),
      });
      await repo.messages.accept(acct.id, [newMessage()]);
      const claimMine = async (now: number) =>
        (
          await repo.outbox.claim({
            owner: 'sender-1',
            now,
            limit: 100,
            leaseMs: 60_000,
            active: new Map(),
            perTarget: 8,
          })
        ).filter((d) => d.accountId === acct.id);
      const [first] = await claimMine(clock + 1);
      expect(first).toMatchObject({ target: endpointId, type: 'message.queued', attempts: 0 });
      // Leased: not handed out twice.
      expect(await claimMine(clock + 2)).toEqual([]);
      const eventId = first?.eventId as string;
      expect(await repo.outbox.replay({ accountId: acct.id, endpointId, eventId, now: clock + 3 })).toBe(1);
      await repo.outbox.recordAttempt({
        eventId,
        target: endpointId,
        owner: 'sender-1',
        at: clock + 4,
        durationMs: 5,
        statusCode: 204,
        error: null,
        outcome: 'delivered',
        disableIfFailingSince: 0,
      });
      // The attempt is logged, and the replayed delivery is still due.
      expect(await repo.outbox.attempts(acct.id, endpointId, { limit: 10, eventId })).toMatchObject([
        { attempt: 1, statusCode: 204 },
      ]);
      expect(await claimMine(clock + 5)).toMatchObject([{ eventId, target: endpointId, attempts: 1 }]);
    });

    it('exports and erases by phone number, keeping opt-outs', async () => {
      const acct = await newAccount(repo, 1_000);
      const phone = '+998935554433';
      await repo.messages.accept(acct.id, [newMessage({ to: phone })]);
      await repo.consentLedger.record({
        accountId: acct.id,
        phoneNumber: phone,
        action: 'opt_out',
        scope: 'account',
        source: 'keyword',
        keyword: 'STOP',
        at: tick(),
      });
      await repo.optOuts.add({
        accountId: acct.id,
        phoneNumber: phone,
        keyword: 'STOP',
        scope: 'all',
        source: 'inbound',
        createdAt: tick(),
      });
      await repo.consents.add({
        accountId: acct.id,
        phoneNumber: phone,
        source: 'web',
        proof: null,
        consentedAt: tick(),
        createdAt: tick(),
      });
      await repo.inbound.record({
        id: createId('message'),
        accountId: acct.id,
        from: phone,
        to: '+998712000001',
        body: 'STOP',
        carrier: null,
        keyword: 'stop',
        action: 'opt_out',
        receivedAt: tick(),
      });
      const exported = await repo.privacy.export(acct.id, phone);
      expect([exported.messages.length, exported.optOuts.length, exported.consents.length]).toEqual([1, 1, 1]);
      expect(exported.inbound.map((m) => m.body)).toEqual(['STOP']);
      expect(exported.consentHistory).toMatchObject([{ action: 'opt_out', source: 'keyword', changed: true }]);
      const withNumber = async () =>
        (await repo.outbox.eventsAfter({ accountId: acct.id, afterSeq: 0, limit: 100 })).filter((e) =>
          e.payload.includes(phone),
        );
      expect((await withNumber()).length).toBeGreaterThanOrEqual(2);
      const erased = await repo.privacy.erase(acct.id, phone, tick());
      // Events held the number in their bodies: they go too.
      expect(await withNumber()).toEqual([]);
      expect(erased).toEqual({ messagesRedacted: 1, consentsDeleted: 1, optOutsKept: 1 });
      const after = await repo.privacy.export(acct.id, phone);
      expect([after.messages, after.inbound]).toEqual([[], []]);
      expect((await repo.optOuts.get(acct.id, phone))?.scope).toBe('all');
    });

    it("looks up many numbers' opt-outs and consents at once, within the account only", async () => {
      const acct = await newAccount(repo, 0);
      const other = await newAccount(repo, 0);
      const numbers = Array.from({ length: 700 }, (_, i) => `+99890${String(2_000_000 + i).padStart(7, '0')}`);
      const optedOut = [numbers[0], numbers[513], numbers[699]] as string[];
      for (const phoneNumber of optedOut) {
        await repo.optOuts.add({
          accountId: acct.id,
          phoneNumber,
          keyword: 'STOP',
          scope: 'marketing',
          source: 'inbound',
          createdAt: tick(),
        });
      }
      await repo.optOuts.add({
        accountId: other.id,
        phoneNumber: numbers[1] as string,
        keyword: 'STOP',
        scope: 'all',
        source: 'inbound',
        createdAt: tick(),
      });
      await repo.consents.add({
        accountId: acct.id,
        phoneNumber: numbers[2] as string,
        source: 'web',
        proof: null,
        consentedAt: tick(),
        createdAt: tick(),
      });
      const found = await repo.optOuts.getMany(acct.id, [...numbers, numbers[0] as string]);
      expect([...found.keys()].sort()).toEqual([...optedOut].sort());
      expect(found.get(numbers[513] as string)?.scope).toBe('marketing');
      expect([...(await repo.consents.getMany(acct.id, numbers)).keys()]).toEqual([numbers[2]]);
      expect((await repo.consents.getMany(other.id, numbers)).size).toBe(0);
      expect((await repo.optOuts.getMany(acct.id, [])).size).toBe(0);
    });
  });
}
