import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectEsme, deliveredText, type TestEsme } from '../internal/test-esme';
import { STATUS } from '../server/smpp-status';
import { type CarrierSimulator, startCarrierSimulator } from '../server/start-carrier-simulator';

let sim: CarrierSimulator;
let esme: TestEsme;
const extra: TestEsme[] = [];

beforeEach(async () => {
  sim = await startCarrierSimulator({
    accounts: [
      { systemId: 'acme', password: 'secret', receiptDelayMs: 20 },
      { systemId: 'other', password: 'pw' },
    ],
  });
  esme = await connectEsme(sim);
});
afterEach(async () => {
  await Promise.all([esme, ...extra.splice(0)].map((e) => e.close()));
  await sim.close();
});

const submit = (to = '998901234567', session = esme) =>
  session.submit({ source_addr: 'Karvon', destination_addr: to, short_message: 'hello', registered_delivery: 1 });
const stateOf = (text: string) => /stat:(\w+)/.exec(text)?.[1];

describe('faults on submit_sm', () => {
  it.each([
    ['throttle', { kind: 'throttle' } as const, STATUS.ESME_RTHROTTLED],
    ['queue-full', { kind: 'queue-full' } as const, STATUS.ESME_RMSGQFUL],
    ['reject', { kind: 'reject', status: 0x45 } as const, 0x45],
  ])('%s answers with its status, and only while set', async (_name, spec, status) => {
    const id = sim.faults.set(spec);
    expect((await submit()).command_status).toBe(status);
    expect((await submit()).command_status).toBe(status);
    sim.faults.clear(id);
    expect((await submit()).command_status).toBe(0);
    await esme.waitForDeliveries(1);
    expect(sim.submissions()).toHaveLength(1);
  });

  it('limits a fault to `count` submits and to its account', async () => {
    const other = await connectEsme(sim, { systemId: 'other', password: 'pw' });
    extra.push(other);
    sim.faults.set({ kind: 'throttle', account: 'acme', count: 1 });
    expect((await submit('998901234567', other)).command_status).toBe(0);
    expect((await submit()).command_status).toBe(STATUS.ESME_RTHROTTLED);
    expect((await submit()).command_status).toBe(0);
  });

  it('rejects only the chosen destination', async () => {
    sim.faults.set({ kind: 'reject', status: 0x0b, destination: '998901111111' });
    expect((await submit('998901111111')).command_status).toBe(0x0b);
    expect((await submit('998902222222')).command_status).toBe(0);
  });

  it('drops the connection at once', async () => {
    sim.faults.set({ kind: 'drop', account: 'acme' });
    await esme.closed();
    expect(sim.stats().binds).toEqual({});
    const again = await connectEsme(sim);
    extra.push(again);
    expect(again.bindStatus).toBe(0);
  });

  it('drops the connection on the submit after N, leaving that submit unanswered', async () => {
    sim.faults.set({ kind: 'drop', afterSubmits: 2 });
    expect((await submit()).command_status).toBe(0);
    expect((await submit()).command_status).toBe(0);
    let answered = false;
    void submit().then(() => {
      answered = true;
    });
    await esme.closed();
    expect(answered).toBe(false);
    expect(sim.stats().received.submit_sm).toBe(3);
    expect(sim.submissions()).toHaveLength(2);
  });

  it('stalls: receives the submit and never answers, so the client times out', async () => {
    sim.faults.set({ kind: 'stall' });
    const outcome = await Promise.race([
      submit().then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('timed out'), 150)),
    ]);
    expect(outcome).toBe('timed out');
    expect(sim.stats().received.submit_sm).toBe(1);
    expect(sim.stats().sent.submit_sm_resp).toBeUndefined();
  });

  it('answers slowly under slow-response', async () => {
    sim.faults.set({ kind: 'slow-response', delayMs: 120 });
    const t = performance.now();
    expect((await submit()).command_status).toBe(0);
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
  });
});

describe('faults on receipts', () => {
  it('sends the receipt before the submit_sm_resp', async () => {
    sim.faults.set({ kind: 'receipt-before-response', responseDelayMs: 40 });
    const order: string[] = [];
    esme.session.on('deliver_sm', () => order.push('deliver_sm'));
    const resp = await submit();
    order.push('submit_sm_resp');
    expect(order).toEqual(['deliver_sm', 'submit_sm_resp']);
    expect(esme.deliveries[0]!.receipted_message_id).toBe(resp.message_id);
  });

  it('repeats a receipt', async () => {
    sim.faults.set({ kind: 'repeat-receipt', times: 3 });
    const resp = await submit();
    const receipts = await esme.waitForDeliveries(3);
    expect(receipts.map((r) => r.receipted_message_id)).toEqual([resp.message_id, resp.message_id, resp.message_id]);
    expect(sim.stats().receiptsSent).toBe(3);
  });

  it('sends intermediate receipts before the final one', async () => {
    sim.faults.set({ kind: 'intermediate-receipts' });
    await submit('998900000002');
    const receipts = await esme.waitForDeliveries(3);
    expect(receipts.map((r) => stateOf(deliveredText(r)))).toEqual(['ACCEPTD', 'ENROUTE', 'UNDELIV']);
    expect(receipts.map((r) => r.message_state)).toEqual([6, 1, 5]);
  });

  it('fakes an instant delivered receipt for a number that fails', async () => {
    sim.faults.set({ kind: 'instant-receipt' });
    await submit('998900000002');
    const [receipt] = await esme.waitForDeliveries(1);
    expect(stateOf(deliveredText(receipt!))).toBe('DELIVRD');
  });

  it('never sends a receipt under no-receipt', async () => {
    sim.faults.set({ kind: 'no-receipt', count: 1 });
    await submit();
    await sim.idle();
    await new Promise((r) => setTimeout(r, 40));
    expect(esme.deliveries).toHaveLength(0);
    await submit();
    await esme.waitForDeliveries(1);
  });

  it('lists the faults in force and clears them all', () => {
    sim.faults.set({ kind: 'throttle' });
    sim.faults.set({ kind: 'no-receipt', account: 'acme' });
    expect(sim.faults.list().map((f) => f.kind)).toEqual(['throttle', 'no-receipt']);
    sim.faults.clear();
    expect(sim.faults.list()).toEqual([]);
  });
});

describe('receipts across a dropped bind', () => {
  it('sends a receipt whose bind dropped on the next receiving bind', async () => {
    const resp = await submit();
    await esme.close();
    const again = await connectEsme(sim);
    extra.push(again);
    const [receipt] = await again.waitForDeliveries(1);
    expect(receipt!.receipted_message_id).toBe(resp.message_id);
  });
});
