import { decode } from '@karvon/sdk/encoding';
import type { PDU } from 'smpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectEsme, type TestEsme } from '../internal/test-esme';
import { type CarrierSimulator, startCarrierSimulator } from '../server/start-carrier-simulator';

let sim: CarrierSimulator;
const esmes: TestEsme[] = [];
beforeEach(async () => {
  sim = await startCarrierSimulator({
    accounts: [
      { systemId: 'acme', password: 'secret' },
      { systemId: 'other', password: 'pw' },
    ],
  });
});
afterEach(async () => {
  await Promise.all(esmes.splice(0).map((e) => e.close()));
  await sim.close();
});
const connectTo = async (options: Parameters<typeof connectEsme>[1] = {}) => {
  const esme = await connectEsme(sim, options);
  esmes.push(esme);
  return esme;
};

/** The UDH IEs and text of an MO deliver_sm, as the `smpp` client decoded them. */
function body(pdu: PDU): { udh: Buffer[]; message: string | Buffer } {
  const sm = pdu.short_message as { udh?: Buffer[]; message: string | Buffer };
  return { udh: [...(sm.udh ?? [])], message: sm.message };
}

describe('injectMo', () => {
  it('sends a one-part MO to the account receiving bind', async () => {
    const esme = await connectTo();
    const result = await sim.injectMo({ from: '998901234567', to: '3700', text: 'STOP' });
    expect(result).toEqual({ parts: 1, statuses: [0] });
    const [mo] = esme.deliveries;
    expect(mo).toMatchObject({ esm_class: 0, data_coding: 0, source_addr: '998901234567', destination_addr: '3700' });
    expect(body(mo!).message).toBe('STOP');
    expect(sim.stats()).toMatchObject({ moSent: 1, receiptsSent: 0 });
  });

  it('sends UCS-2 text with data_coding 8', async () => {
    const esme = await connectTo();
    await sim.injectMo({ from: '998901234567', to: '3700', text: 'Салом' });
    expect(esme.deliveries[0]!.data_coding).toBe(8);
    expect(body(esme.deliveries[0]!).message).toBe('Салом');
  });

  it('sends a long MO as concatenated parts with one UDH reference', async () => {
    const esme = await connectTo();
    const text = 'Ассалому алайкум, бу узун хабар. '.repeat(5);
    const result = await sim.injectMo({ from: '998901234567', to: '3700', text, reference: 99 });
    expect(result.parts).toBe(3);
    const parts = esme.deliveries.map(body);
    expect(esme.deliveries.every((d) => (d.esm_class! & 0x40) !== 0)).toBe(true);
    expect(parts.map((p) => [...p.udh[0]!])).toEqual([
      [0x00, 3, 99, 3, 1],
      [0x00, 3, 99, 3, 2],
      [0x00, 3, 99, 3, 3],
    ]);
    expect(parts.map((p) => p.message).join('')).toBe(text);
  });

  it('puts a long MO in message_payload when not concatenated', async () => {
    const esme = await connectTo();
    const text = 'x'.repeat(200);
    expect((await sim.injectMo({ from: '998901234567', to: '3700', text, concatenated: false })).parts).toBe(1);
    const payload = esme.deliveries[0]!.message_payload as { message: string | Buffer };
    const bytes = typeof payload.message === 'string' ? null : payload.message;
    expect(bytes === null ? payload.message : decode(bytes, { encoding: 'GSM-7' })).toBe(text);
  });

  it('delivers to the named account only, and only on a receiving bind', async () => {
    const acmeTx = await connectTo({ mode: 'transmitter' });
    const acmeRx = await connectTo({ mode: 'receiver' });
    const other = await connectTo({ systemId: 'other', password: 'pw' });
    await sim.injectMo({ from: '998901234567', to: '3700', text: 'hi other', account: 'other' });
    await sim.injectMo({ from: '998901234567', to: '3700', text: 'hi acme' });
    expect(other.deliveries.map((d) => body(d).message)).toEqual(['hi other']);
    expect(acmeRx.deliveries.map((d) => body(d).message)).toEqual(['hi acme']);
    expect(acmeTx.deliveries).toHaveLength(0);
  });

  it('rejects an unknown account', async () => {
    await expect(sim.injectMo({ from: '1', to: '2', text: 'x', account: 'ghost' })).rejects.toThrow(/ghost/);
  });
});
