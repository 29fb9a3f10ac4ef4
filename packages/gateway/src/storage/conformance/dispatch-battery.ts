import { randomUUID } from 'node:crypto';
import { createId } from '@karvon/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiptInput } from '../dispatch-repository';
import type { NewMessage, Repository } from '../repository';
import { newMessage } from './repository-battery';

let clock = Date.UTC(2026, 10, 2);
const tick = () => ++clock;

async function account(repo: Repository) {
  return repo.accounts.create({
    id: createId('account'),
    name: `dispatch-${tick()}`,
    currency: 'UZS',
    balance: 1_000_000,
    createdAt: tick(),
  });
}

function receipt(carrier: string, carrierMessageId: string, overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    id: randomUUID(),
    carrier,
    carrierMessageId,
    state: 'DELIVRD',
    status: 'delivered',
    errorCode: null,
    receivedAt: tick(),
    submittedAt: null,
    doneAt: null,
    ...overrides,
  };
}

/** Dispatch, receipts and bind leases: run against every Repository implementation. */
export function dispatchBattery(name: string, open: () => Promise<Repository>): void {
  describe(`Dispatch conformance: ${name}`, () => {
    let repo: Repository;
    // Every test uses its own carrier id so claims of one never see another's messages.
    const carrier = () => `c${tick()}`;
    beforeAll(async () => {
      repo = await open();
    });
    afterAll(async () => {
      await repo?.close();
    });

    /** Claims until the given messages are all leased (other tests' leftovers are released). */
    async function claimAll(owner: string, ids: readonly string[], now = tick()) {
      const { messages } = await repo.dispatch.claim({ owner, now, limit: 10_000, leaseMs: 60_000 });
      const wanted = messages.filter((m) => ids.includes(m.id));
      const others = messages.filter((m) => !ids.includes(m.id));
      for (const m of others) await repo.dispatch.requeue({ id: m.id, owner, now, dueAt: now, countsAsAttempt: false });
      return wanted;
    }

    async function accept(messages: NewMessage[]) {
      const acct = await account(repo);
      await repo.messages.accept(acct.id, messages);
      return acct;
    }

    it('claims live queued messages once, transactional before marketing, never test ones', async () => {
      const marketing = newMessage({ type: 'marketing', priority: 0 });
      const otp = newMessage({ priority: 1 });
      const test = newMessage({ mode: 'test' });
      await accept([marketing, otp, test]);
      const { messages } = await repo.dispatch.claim({ owner: 'a', now: tick(), limit: 10_000, leaseMs: 60_000 });
      const ids = messages.map((m) => m.id);
      expect(ids).toContain(otp.id);
      expect(ids).toContain(marketing.id);
      expect(ids).not.toContain(test.id);
      expect(ids.indexOf(otp.id)).toBeLessThan(ids.indexOf(marketing.id));
      // Leased: a second owner gets neither.
      const again = await repo.dispatch.claim({ owner: 'b', now: tick(), limit: 10_000, leaseMs: 60_000 });
      expect(again.messages.map((m) => m.id)).not.toContain(otp.id);
      expect(await repo.dispatch.release('a')).toBe(2);
      expect(await repo.dispatch.release('a')).toBe(0);
    });

    it('shares a claim fairly between accounts: a big backlog does not starve a small one', async () => {
      const big = Array.from({ length: 40 }, () => newMessage({ type: 'marketing', priority: 0 }));
      const small = [newMessage({ type: 'marketing', priority: 0 }), newMessage({ type: 'marketing', priority: 0 })];
      await accept(big);
      await accept(small);
      const { messages } = await repo.dispatch.claim({ owner: 'fair', now: tick(), limit: 6, leaseMs: 60_000 });
      const ids = messages.map((m) => m.id);
      expect(ids.filter((id) => small.some((m) => m.id === id))).toHaveLength(2);
      expect(messages).toHaveLength(6);
      await repo.dispatch.release('fair');
      // Drain the backlog so later tests see a short queue.
      for (let i = 0; i < 10; i++) {
        const { messages: batch } = await repo.dispatch.claim({ owner: 'drain', now: tick(), limit: 500, leaseMs: 1 });
        for (const m of batch) {
          await repo.dispatch.finish({
            owner: 'drain',
            move: {
              accountId: m.accountId,
              id: m.id,
              from: 'queued',
              to: 'canceled',
              at: tick(),
              carrier: null,
              errorCode: null,
              reason: 'test',
            },
          });
        }
        if (batch.length === 0) break;
      }
    });

    it('writes the intent, records the carrier ids and applies receipts idempotently', async () => {
      const c = carrier();
      const m = newMessage({ segments: 2 });
      const acct = await accept([m]);
      const [claimed] = await claimAll('w', [m.id]);
      expect(claimed?.interruptedSubmit).toBe(false);
      expect(
        await repo.dispatch.beginSubmit({ id: m.id, owner: 'w', carrier: c, now: tick(), leaseUntil: tick() + 60_000 }),
      ).toBe(true);
      // A cancel cannot take a message whose submit is under way.
      const cancel = await repo.messages.cancel(acct.id, m.id, { now: tick(), ledgerEntryId: createId('ledgerEntry') });
      expect(cancel).toMatchObject({ ok: false, reason: 'not_cancelable' });
      const recorded = await repo.dispatch.recordAccepted({
        id: m.id,
        accountId: acct.id,
        owner: 'w',
        carrier: c,
        carrierMessageIds: ['100', '101'],
        receiptExpected: [true, true],
        now: tick(),
        receiptDeadline: tick() + 3_600_000,
      });
      expect(recorded).toBe('sent');
      expect((await repo.messages.get(acct.id, m.id))?.status).toBe('sent');
      expect((await repo.receipts.apply(receipt(c, '100', { state: 'ENROUTE', status: null }))).outcome).toBe(
        'intermediate',
      );
      expect(await repo.receipts.apply(receipt(c, '100'))).toMatchObject({ outcome: 'applied', messageStatus: 'sent' });
      expect((await repo.receipts.apply(receipt(c, '100'))).outcome).toBe('duplicate');
      expect(await repo.receipts.apply(receipt(c, '101'))).toMatchObject({
        outcome: 'applied',
        messageStatus: 'delivered',
      });
      // A contradicting late receipt does not overturn the outcome.
      expect((await repo.receipts.apply(receipt(c, '101', { state: 'UNDELIV', status: 'failed' }))).outcome).toBe(
        'stale',
      );
      const stored = await repo.messages.get(acct.id, m.id);
      expect(stored?.status).toBe('delivered');
      expect(stored?.history.map((h) => h.status)).toEqual(['queued', 'sent', 'delivered']);
      expect(stored?.parts.map((p) => p.status)).toEqual(['delivered', 'delivered']);
    });

    it('holds a receipt that beat the submit response and applies it when the parts are recorded', async () => {
      const c = carrier();
      const m = newMessage();
      const acct = await accept([m]);
      await claimAll('h', [m.id]);
      await repo.dispatch.beginSubmit({ id: m.id, owner: 'h', carrier: c, now: tick(), leaseUntil: tick() + 60_000 });
      expect((await repo.receipts.apply(receipt(c, 'ab12'))).outcome).toBe('held');
      await repo.dispatch.recordAccepted({
        id: m.id,
        accountId: acct.id,
        owner: 'h',
        carrier: c,
        carrierMessageIds: ['ab12'],
        receiptExpected: [true],
        now: tick(),
        receiptDeadline: tick() + 3_600_000,
      });
      expect((await repo.messages.get(acct.id, m.id))?.status).toBe('delivered');
      // A receipt nobody claims turns unmatched after the window.
      await repo.receipts.apply(receipt(c, 'nobody', { receivedAt: tick() }));
      const swept = await repo.receipts.matchHeld({ now: tick(), unmatchedBefore: tick(), limit: 1000 });
      expect(swept.unmatched).toBeGreaterThanOrEqual(1);
      const counts = await repo.receipts.counts(0);
      expect(counts.find((r) => r.carrier === c && r.outcome === 'unmatched')?.count).toBe(1);
      expect(counts.find((r) => r.carrier === c && r.outcome === 'applied')?.count).toBe(1);
    });

    it('rolls a last-part-only receipt up over the parts without one', async () => {
      const c = carrier();
      const m = newMessage({ segments: 3 });
      const acct = await accept([m]);
      await claimAll('l', [m.id]);
      await repo.dispatch.beginSubmit({ id: m.id, owner: 'l', carrier: c, now: tick(), leaseUntil: tick() + 60_000 });
      await repo.dispatch.recordAccepted({
        id: m.id,
        accountId: acct.id,
        owner: 'l',
        carrier: c,
        carrierMessageIds: ['1', '2', '3'],
        receiptExpected: [false, false, true],
        now: tick(),
        receiptDeadline: tick() + 3_600_000,
      });
      await repo.receipts.apply(receipt(c, '3', { state: 'UNDELIV', status: 'failed', errorCode: '001' }));
      const stored = await repo.messages.get(acct.id, m.id);
      expect(stored?.status).toBe('failed');
      expect(stored?.parts.map((p) => p.status)).toEqual(['failed', 'failed', 'failed']);
      expect(stored?.history.at(-1)).toMatchObject({ carrier: c, errorCode: '001', reason: 'receipt UNDELIV' });
    });

    it('marks an interrupted submit on the next claim once the lease ran out', async () => {
      const c = carrier();
      const m = newMessage();
      await accept([m]);
      const now = tick();
      await claimAll('dead', [m.id], now);
      await repo.dispatch.beginSubmit({ id: m.id, owner: 'dead', carrier: c, now, leaseUntil: now + 10 });
      const [again] = await claimAll('alive', [m.id], now + 1_000);
      expect(again).toMatchObject({ id: m.id, interruptedSubmit: true, attempts: 1, carrier: c });
      // The dead owner's late answer cannot record it as sent any more.
      expect(
        await repo.dispatch.finish({
          owner: 'dead',
          move: {
            accountId: again!.accountId,
            id: m.id,
            from: 'queued',
            to: 'unknown',
            at: tick(),
            carrier: c,
            errorCode: null,
            reason: 'x',
          },
        }),
      ).toBe(false);
      expect(
        await repo.dispatch.finish({
          owner: 'alive',
          move: {
            accountId: again!.accountId,
            id: m.id,
            from: 'queued',
            to: 'unknown',
            at: tick(),
            carrier: c,
            errorCode: null,
            reason: 'dispatch_interrupted',
          },
        }),
      ).toBe(true);
    });

    it('requeues with failover exclusions and undoes a throttled attempt', async () => {
      const m = newMessage();
      await accept([m]);
      const now = tick();
      await claimAll('r', [m.id], now);
      await repo.dispatch.beginSubmit({ id: m.id, owner: 'r', carrier: 'down', now, leaseUntil: now + 60_000 });
      expect(await repo.dispatch.requeue({ id: m.id, owner: 'r', now, dueAt: now, exclude: 'down' })).toBe(true);
      const [first] = await claimAll('r', [m.id], now + 1);
      expect(first).toMatchObject({ excludedCarriers: ['down'], attempts: 1, interruptedSubmit: false });
      await repo.dispatch.beginSubmit({ id: m.id, owner: 'r', carrier: 'busy', now, leaseUntil: now + 60_000 });
      await repo.dispatch.requeue({ id: m.id, owner: 'r', now, dueAt: now + 5_000, countsAsAttempt: false });
      expect(await claimAll('r', [m.id], now + 2)).toHaveLength(0);
      const [later] = await claimAll('r', [m.id], now + 5_001);
      expect(later).toMatchObject({ attempts: 1, excludedCarriers: ['down'] });
      await repo.dispatch.release('r');
    });

    it('moves sent messages past their receipt deadline to unknown, and a late receipt still resolves them', async () => {
      const c = carrier();
      const m = newMessage();
      const acct = await accept([m]);
      const now = tick();
      await claimAll('t', [m.id], now);
      await repo.dispatch.beginSubmit({ id: m.id, owner: 't', carrier: c, now, leaseUntil: now + 60_000 });
      await repo.dispatch.recordAccepted({
        id: m.id,
        accountId: acct.id,
        owner: 't',
        carrier: c,
        carrierMessageIds: ['9'],
        receiptExpected: [true],
        now,
        receiptDeadline: now + 10,
      });
      expect(await repo.receipts.expireWaiting({ now: now + 11, limit: 1000 })).toBeGreaterThanOrEqual(1);
      expect((await repo.messages.get(acct.id, m.id))?.status).toBe('unknown');
      await repo.receipts.apply(receipt(c, '9'));
      expect((await repo.messages.get(acct.id, m.id))?.status).toBe('delivered');
    });

    it('promotes due scheduled live messages to queued', async () => {
      const now = tick();
      const due = newMessage({ status: 'scheduled', notBefore: now - 1, scheduledAt: new Date(now).toISOString() });
      const later = newMessage({
        status: 'scheduled',
        notBefore: now + 60_000,
        scheduledAt: new Date(now).toISOString(),
      });
      const acct = await accept([due, later]);
      expect(await repo.dispatch.promoteScheduled({ now, limit: 1000 })).toBeGreaterThanOrEqual(1);
      expect((await repo.messages.get(acct.id, due.id))?.status).toBe('queued');
      expect((await repo.messages.get(acct.id, later.id))?.status).toBe('scheduled');
      const depth = await repo.dispatch.depth();
      expect(depth.find((d) => d.accountId === acct.id && d.status === 'scheduled')?.count).toBe(1);
    });

    it('shares bind slots between owners through leases that expire', async () => {
      const c = carrier();
      const now = tick();
      expect(
        await repo.carrierLeases.acquire({ carrier: c, owner: 'p1', slots: 3, want: 2, now, ttlMs: 1_000 }),
      ).toEqual([0, 1]);
      expect(
        await repo.carrierLeases.acquire({ carrier: c, owner: 'p2', slots: 3, want: 2, now, ttlMs: 1_000 }),
      ).toEqual([2]);
      // p1 renews; p2 cannot take more.
      expect(
        await repo.carrierLeases.acquire({ carrier: c, owner: 'p1', slots: 3, want: 2, now: now + 500, ttlMs: 1_000 }),
      ).toEqual([0, 1]);
      expect(
        await repo.carrierLeases.acquire({ carrier: c, owner: 'p2', slots: 3, want: 2, now: now + 600, ttlMs: 1_000 }),
      ).toEqual([2]);
      // p1 stops renewing: its slots go to p2 after expiry.
      expect(
        await repo.carrierLeases.acquire({
          carrier: c,
          owner: 'p2',
          slots: 3,
          want: 2,
          now: now + 1_600,
          ttlMs: 1_000,
        }),
      ).toEqual([0, 2]);
      await repo.carrierLeases.release({ owner: 'p2', carrier: c });
      expect((await repo.carrierLeases.list()).filter((l) => l.carrier === c)).toEqual([]);
    });

    it('retention purges events and replies with the records they belong to', async () => {
      const m = newMessage();
      const acct = await accept([m]);
      expect((await repo.outbox.eventsAfter({ accountId: acct.id, afterSeq: 0, limit: 10 })).length).toBe(1);
      await repo.inbound.record({
        id: createId('message'),
        accountId: acct.id,
        from: '+998901230000',
        to: '+998712000001',
        body: 'Salom',
        carrier: null,
        keyword: null,
        action: null,
        receivedAt: tick(),
      });
      const far = tick() + 10 * 365 * 86_400_000;
      await repo.retention.run({ redactBodiesBefore: far, purgeBefore: far, now: far });
      expect(await repo.outbox.eventsAfter({ accountId: acct.id, afterSeq: 0, limit: 10 })).toEqual([]);
      expect(await repo.inbound.list(acct.id, { limit: 10 })).toEqual([]);
    });
  });
}
