import { PDU } from 'smpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectEsme, type TestEsme } from '../internal/test-esme';
import { type CarrierSimulator, startCarrierSimulator } from '../server/start-carrier-simulator';

let sim: CarrierSimulator;
let esme: TestEsme;
beforeEach(async () => {
  sim = await startCarrierSimulator({ accounts: [{ systemId: 'acme', password: 'secret' }] });
  esme = await connectEsme(sim);
});
afterEach(async () => {
  await esme.close();
  await sim.close();
});

const submit = (to: string, text: string) =>
  esme.submit({ source_addr: 'Karvon', destination_addr: to, short_message: text, registered_delivery: 1 });

describe('stats', () => {
  it('counts every PDU received and sent, by command', async () => {
    await submit('998901234567', 'one');
    await new Promise((resolve) => esme.session.enquire_link(resolve));
    await esme.waitForDeliveries(1);
    await new Promise((r) => setTimeout(r, 20));
    const stats = sim.stats();
    expect(stats.received).toEqual({ bind_transceiver: 1, submit_sm: 1, enquire_link: 1, deliver_sm_resp: 1 });
    expect(stats.sent).toEqual({
      bind_transceiver_resp: 1,
      submit_sm_resp: 1,
      enquire_link_resp: 1,
      deliver_sm: 1,
    });
    expect(stats.binds).toEqual({ acme: 1 });
  });

  it('counts duplicates by (source, destination, short_message)', async () => {
    await submit('998901234567', 'same');
    await submit('998901234567', 'same');
    await submit('998901234567', 'same');
    await submit('998907654321', 'same');
    await submit('998901234567', 'different');
    const { submits } = sim.stats();
    expect(submits).toMatchObject({ total: 5, distinct: 3, duplicates: 2 });
    expect(submits.repeated).toEqual([
      { source: 'Karvon', destination: '998901234567', hash: expect.stringMatching(/^[0-9a-f]{16}$/), count: 3 },
    ]);
  });

  it('counts refused submits as received too, since the ESME did send them', async () => {
    sim.faults.set({ kind: 'throttle', count: 1 });
    await submit('998901234567', 'retry me');
    await submit('998901234567', 'retry me');
    expect(sim.stats().submits).toMatchObject({ total: 2, duplicates: 1 });
  });

  it('answers an unsupported command with ESME_RINVCMDID', async () => {
    const resp = await new Promise<{ command: string; command_status: number }>((resolve) =>
      esme.session.send(new PDU('query_sm', { message_id: '1' }), resolve),
    );
    expect(resp).toMatchObject({ command: 'query_sm_resp', command_status: 0x03 });
  });

  it('starts from zero after reset', async () => {
    await submit('998901234567', 'one');
    sim.reset();
    expect(sim.stats().submits.total).toBe(0);
    expect(sim.submissions()).toEqual([]);
  });
});
