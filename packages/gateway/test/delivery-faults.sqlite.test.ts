import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, startDeliveryHarness, startSimulatedCarrier } from './support/delivery-harness';
import { type FaultTally, sendLoad, settleAndTally } from './support/fault-tally';

// Each fault with its counts (the table): lost must be 0; duplicates ≤ unknown, and 0
// when the fault is not ambiguous. The counts are printed so a run shows them.
let h: DeliveryHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function report(name: string, tally: FaultTally): void {
  console.info(`[fault] ${name}: ${JSON.stringify(tally)}`);
}

describe('delivery under carrier faults (SQLite)', () => {
  it('bind dropped mid-window: in-flight submits end unknown, none is lost or resent', async () => {
    const carrier = await startSimulatedCarrier('drop', { profile: { windowSize: 50 } });
    h = await startDeliveryHarness('sqlite', [carrier]);
    const account = await h.newAccount({ balance: 1_000_000_000 });
    // The bind drops on the 40th submit with the rest of the window unanswered; it reconnects.
    carrier.sim.faults.set({ kind: 'drop', afterSubmits: 40, count: 1 });
    const ids = await sendLoad(account.client, 200, { tag: 'drop', batch: 200 });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [carrier.sim],
    });
    report('bind dropped', tally);
    expect(tally.accepted).toBe(200);
    expect(tally.lost).toBe(0);
    expect(tally.pending).toBe(0);
    expect(tally.unknown).toBeGreaterThan(0);
    expect(tally.delivered + tally.unknown).toBe(200);
    expect(tally.duplicates).toBeLessThanOrEqual(tally.unknown);
    expect(tally.duplicates).toBe(0);
  });

  it('throttling slows the bind and requeues on the same route: everything delivered once, breaker closed', async () => {
    const carrier = await startSimulatedCarrier('throttle');
    h = await startDeliveryHarness('sqlite', [carrier]);
    const account = await h.newAccount({ balance: 1_000_000_000 });
    carrier.sim.faults.set({ kind: 'throttle', count: 60 });
    carrier.sim.faults.set({ kind: 'queue-full', count: 20 });
    const ids = await sendLoad(account.client, 150, { tag: 'throttle' });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [carrier.sim],
    });
    report('throttling', tally);
    expect(tally).toMatchObject({ accepted: 150, delivered: 150, lost: 0, pending: 0, unknown: 0, duplicates: 0 });
    const counters = h.gateway.delivery?.dispatcher.counters.snapshot();
    expect(counters?.submits.throttle?.throttled).toBeGreaterThanOrEqual(60);
    expect(h.gateway.delivery?.breakers.get('throttle').state()).toBe('closed');
  });

  it('primary carrier refusing everything: failover to the secondary, the breaker opens, nothing twice', async () => {
    const primary = await startSimulatedCarrier('primary');
    const secondary = await startSimulatedCarrier('secondary');
    primary.sim.faults.set({ kind: 'reject', status: 0x08 }); // ESME_RSYSERR: temporary, never accepted
    h = await startDeliveryHarness('sqlite', [primary, secondary], {
      routes: [
        { carrier: 'primary', countries: ['UZ'], priority: 0 },
        { carrier: 'secondary', countries: ['UZ'], priority: 1 },
      ],
    });
    const account = await h.newAccount({ balance: 1_000_000_000 });
    const ids = await sendLoad(account.client, 100, { tag: 'failover' });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [primary.sim, secondary.sim],
    });
    report('primary down (refusing)', tally);
    expect(tally).toMatchObject({ accepted: 100, delivered: 100, lost: 0, pending: 0, unknown: 0, duplicates: 0 });
    expect(secondary.sim.stats().submits.distinct).toBe(100);
    // The breaker (threshold 3 in the harness) opened during the first batch, whose 50 submits
    // were in flight together; the second batch went straight to the secondary.
    expect(primary.sim.stats().submits.total).toBeLessThanOrEqual(50);
    expect(h.gateway.delivery?.breakers.get('primary').state()).toBe('open');
    const message = await h.repository.messages.get(account.accountId, ids[0] as string);
    expect(message?.parts[0]?.carrier).toBe('secondary');
  });

  it('primary carrier not listening at all: its routes are unavailable and traffic goes to the secondary', async () => {
    const primary = await startSimulatedCarrier('gone');
    await primary.sim.close();
    const secondary = await startSimulatedCarrier('backup');
    h = await startDeliveryHarness('sqlite', [primary, secondary]);
    const account = await h.newAccount({ balance: 1_000_000_000 });
    const ids = await sendLoad(account.client, 50, { tag: 'gone' });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [secondary.sim],
    });
    report('primary down (not listening)', tally);
    expect(tally).toMatchObject({ accepted: 50, delivered: 50, lost: 0, pending: 0, unknown: 0, duplicates: 0 });
  });

  it('stalled responses: the timed-out submits end unknown and are not resent', async () => {
    const carrier = await startSimulatedCarrier('stall', { profile: { responseTimeoutMs: 1_000 } });
    h = await startDeliveryHarness('sqlite', [carrier], { delivery: { circuitBreaker: { failureThreshold: 100 } } });
    const account = await h.newAccount({ balance: 1_000_000_000 });
    carrier.sim.faults.set({ kind: 'stall', count: 5 });
    const ids = await sendLoad(account.client, 60, { tag: 'stall' });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [carrier.sim],
    });
    report('stalled responses', tally);
    expect(tally).toMatchObject({ accepted: 60, lost: 0, pending: 0, unknown: 5, delivered: 55 });
    expect(tally.duplicates).toBeLessThanOrEqual(tally.unknown);
    expect(tally.duplicates).toBe(0);
    const unknown = (await h.repository.messages.list(account.accountId, { status: 'unknown' }, { limit: 10 })).data[0];
    const stored = unknown && (await h.repository.messages.get(account.accountId, unknown.id));
    expect(stored?.history.at(-1)).toMatchObject({ status: 'unknown', errorCode: 'submit_ambiguous' });
  });

  it('receipts before responses and repeated receipts: every message delivered once, repeats change nothing', async () => {
    const carrier = await startSimulatedCarrier('early');
    h = await startDeliveryHarness('sqlite', [carrier]);
    const account = await h.newAccount({ balance: 1_000_000_000 });
    carrier.sim.faults.set({ kind: 'receipt-before-response', responseDelayMs: 30, count: 20 });
    carrier.sim.faults.set({ kind: 'repeat-receipt', times: 3, count: 20 }); // sent 3 times: 2 repeats each
    carrier.sim.faults.set({ kind: 'intermediate-receipts', states: ['ACCEPTD', 'ENROUTE'], count: 10 });
    const ids = await sendLoad(account.client, 80, { tag: 'early' });
    const tally = await settleAndTally({
      repository: h.repository,
      accountId: account.accountId,
      ids,
      simulators: [carrier.sim],
    });
    await h.gateway.delivery?.housekeep();
    report('early and repeated receipts', tally);
    expect(tally).toMatchObject({ accepted: 80, delivered: 80, lost: 0, pending: 0, unknown: 0, duplicates: 0 });
    const receipts = Object.fromEntries((await h.repository.receipts.counts(0)).map((r) => [r.outcome, r.count]));
    expect(receipts.applied).toBe(80);
    expect(receipts.duplicate).toBe(40);
    expect(receipts.intermediate).toBe(20);
    expect(receipts.unmatched ?? 0).toBe(0);
    expect(receipts.held ?? 0).toBe(0);
    // No history row came from the repeats or the intermediate receipts.
    for (const id of ids.slice(0, 20)) {
      const history = (await h.repository.messages.get(account.accountId, id))?.history.map((e) => e.status);
      expect(history).toEqual(['queued', 'sent', 'delivered']);
    }
  });

  it('an opt-out recorded after acceptance stops the message at dispatch, refunded', async () => {
    const carrier = await startSimulatedCarrier('optout');
    carrier.sim.faults.set({ kind: 'throttle' }); // holds every message in the queue until cleared
    h = await startDeliveryHarness('sqlite', [carrier]);
    const account = await h.newAccount({ balance: 1_000_000_000 });
    const [id] = await sendLoad(account.client, 1, { tag: 'optout' });
    const balanceAfterSend = (await h.repository.accounts.get(account.accountId))?.balance ?? 0;
    await h.repository.optOuts.add({
      accountId: account.accountId,
      phoneNumber: '+998901200000',
      keyword: 'STOP',
      scope: 'all',
      source: 'test',
      createdAt: Date.now(),
    });
    carrier.sim.faults.clear();
    expect(await h.waitForStatus(account.accountId, id as string)).toBe('failed');
    const stored = await h.repository.messages.get(account.accountId, id as string);
    expect(stored?.history.at(-1)).toMatchObject({ status: 'failed', errorCode: 'opted_out' });
    expect((await h.repository.accounts.get(account.accountId))?.balance).toBeGreaterThan(balanceAfterSend);
    expect(carrier.sim.submissions()).toHaveLength(0);
  });
});
