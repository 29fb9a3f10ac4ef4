import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectEsme, type TestEsme } from '../internal/test-esme';
import { STATUS } from '../server/smpp-status';
import { type CarrierSimulator, startCarrierSimulator } from '../server/start-carrier-simulator';

let sim: CarrierSimulator;
const esmes: TestEsme[] = [];
const connectTo = async (options: Parameters<typeof connectEsme>[1] = {}) => {
  const esme = await connectEsme(sim, options);
  esmes.push(esme);
  return esme;
};

beforeEach(async () => {
  sim = await startCarrierSimulator({
    accounts: [
      { systemId: 'acme', password: 'secret', maxBinds: 2 },
      { systemId: 'other', password: 'pw' },
    ],
  });
});
afterEach(async () => {
  await Promise.all(esmes.splice(0).map((e) => e.close()));
  await sim.close();
});

describe('binding', () => {
  it('listens on loopback and reports its address', () => {
    expect(sim.host).toBe('127.0.0.1');
    expect(sim.port).toBeGreaterThan(0);
    expect(sim.url).toBe(`smpp://127.0.0.1:${sim.port}`);
  });

  it('accepts a transceiver, a transmitter and a receiver with the right credentials', async () => {
    const other = await connectTo({ systemId: 'other', password: 'pw', mode: 'transceiver' });
    const tx = await connectTo({ mode: 'transmitter' });
    const rx = await connectTo({ mode: 'receiver' });
    expect([other.bindStatus, tx.bindStatus, rx.bindStatus]).toEqual([0, 0, 0]);
    expect(sim.stats().binds).toEqual({ acme: 2, other: 1 });
  });

  it('refuses a wrong password and an unknown system_id', async () => {
    expect((await connectTo({ password: 'nope' })).bindStatus).toBe(STATUS.ESME_RINVPASWD);
    expect((await connectTo({ systemId: 'ghost' })).bindStatus).toBe(STATUS.ESME_RINVSYSID);
    expect(sim.stats().binds).toEqual({});
  });

  it('refuses a bind beyond the account limit and accepts one again after an unbind', async () => {
    const first = await connectTo();
    await connectTo();
    expect((await connectTo()).bindStatus).toBe(STATUS.ESME_RBINDFAIL);

    const unbindResp = await new Promise<{ command: string }>((resolve) => first.session.unbind(resolve));
    expect(unbindResp.command).toBe('unbind_resp');
    await first.closed();
    expect((await connectTo()).bindStatus).toBe(0);
  });

  it('refuses a second bind on the same connection', async () => {
    const esme = await connectTo();
    const again = await new Promise<{ command_status: number }>((resolve) =>
      esme.session.bind_transceiver({ system_id: 'acme', password: 'secret' }, resolve),
    );
    expect(again.command_status).toBe(STATUS.ESME_RALYBND);
  });

  it('answers enquire_link', async () => {
    const esme = await connectTo();
    const resp = await new Promise<{ command: string; command_status: number }>((resolve) =>
      esme.session.enquire_link(resolve),
    );
    expect(resp).toMatchObject({ command: 'enquire_link_resp', command_status: 0 });
    expect(sim.stats().received.enquire_link).toBe(1);
  });

  it('refuses submit_sm on a receiver bind and before any bind', async () => {
    const rx = await connectTo({ mode: 'receiver' });
    const resp = await rx.submit({ destination_addr: '998901234567', short_message: 'hi' });
    expect(resp.command_status).toBe(STATUS.ESME_RINVBNDSTS);
    const bad = await connectTo({ password: 'nope' });
    expect((await bad.submit({ destination_addr: '998901234567', short_message: 'hi' })).command_status).toBe(
      STATUS.ESME_RINVBNDSTS,
    );
  });

  it('delivers receipts only on a receiver bind when the ESME binds a transmitter + receiver pair', async () => {
    const tx = await connectTo({ mode: 'transmitter' });
    const rx = await connectTo({ mode: 'receiver' });
    const resp = await tx.submit({
      source_addr: 'Karvon',
      destination_addr: '998901234567',
      short_message: 'hello',
      registered_delivery: 1,
    });
    expect(resp.command_status).toBe(0);
    const [receipt] = await rx.waitForDeliveries(1);
    expect(receipt?.receipted_message_id).toBe(resp.message_id);
    expect(tx.deliveries).toHaveLength(0);
  });

  it('holds receipts while no receiving bind is open and sends them once one binds', async () => {
    const tx = await connectTo({ mode: 'transmitter' });
    await tx.submit({ destination_addr: '998901234567', short_message: 'hello', registered_delivery: 1 });
    await new Promise((r) => setTimeout(r, 30));
    expect(sim.stats().receiptsSent).toBe(0);
    const rx = await connectTo({ mode: 'receiver' });
    await rx.waitForDeliveries(1);
    expect(sim.stats().receiptsSent).toBe(1);
  });
});
