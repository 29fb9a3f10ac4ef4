import { SANDBOX_MAGIC_NUMBERS } from '@karvon/contract';
import { split } from '@karvon/sdk/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { connectEsme, deliveredText, type TestEsme } from '../internal/test-esme';
import type { MessageIdFormat } from '../message-ids/message-id-format';
import type { SimulatorAccount } from './carrier-simulator-options';
import { type CarrierSimulator, startCarrierSimulator } from './start-carrier-simulator';

let sim: CarrierSimulator | undefined;
const esmes: TestEsme[] = [];
afterEach(async () => {
  await Promise.all(esmes.splice(0).map((e) => e.close()));
  await sim?.close();
  sim = undefined;
});

async function setUp(account: Partial<SimulatorAccount> = {}, extra: { now?: () => number } = {}) {
  sim = await startCarrierSimulator({
    accounts: [{ systemId: 'acme', password: 'secret', ...account }],
    outcomeDelays: { delayed: 80, expired: 10 },
    firstMessageId: 1_000_042,
    ...extra,
  });
  const esme = await connectEsme(sim);
  esmes.push(esme);
  return { sim, esme };
}

const submit = (esme: TestEsme, destination: string, fields: Record<string, unknown> = {}) =>
  esme.submit({
    source_addr: 'Karvon',
    destination_addr: destination,
    short_message: 'Your code is 123456, valid 5 minutes',
    registered_delivery: 1,
    ...fields,
  });

describe('submit_sm', () => {
  it.each<[MessageIdFormat, string, string]>([
    ['decimal', '1000042', '1000042'],
    ['hex', 'f426a', 'f426a'],
    ['hex-upper', 'F426A', 'F426A'],
    [{ base: 10, width: 16 }, '0000000001000042', '0000000001000042'],
    [{ response: 'hex', receipt: 'decimal' }, 'f426a', '1000042'],
  ])('answers with ids in the %j format, in the response and the receipt', async (format, responseId, receiptId) => {
    const { esme } = await setUp({ messageIdFormat: format });
    const resp = await submit(esme, '998901234567');
    expect(resp).toMatchObject({ command: 'submit_sm_resp', command_status: 0, message_id: responseId });
    const [receipt] = await esme.waitForDeliveries(1);
    expect(deliveredText(receipt!)).toMatch(new RegExp(`^id:${receiptId} `));
    expect(receipt!.receipted_message_id).toBe(receiptId);
  });

  it('puts the response id in receipted_message_id when the account says so, or leaves it out', async () => {
    const { esme } = await setUp({
      messageIdFormat: { response: 'hex', receipt: 'decimal' },
      receiptedMessageId: 'response',
    });
    await submit(esme, '998901234567');
    const [receipt] = await esme.waitForDeliveries(1);
    expect(receipt!.receipted_message_id).toBe('f426a');
    await esmes.pop()!.close();
    await sim!.close();
    const second = await setUp({ receiptedMessageId: 'omit' });
    await submit(second.esme, '998901234567');
    const [bare] = await second.esme.waitForDeliveries(1);
    expect(bare!.receipted_message_id).toBeUndefined();
    expect(deliveredText(bare!)).toMatch(/^id:1000042 /);
  });

  it('records every accepted submission', async () => {
    const { sim, esme } = await setUp();
    await submit(esme, '998901234567', { registered_delivery: 0 });
    expect(sim.submissions()).toEqual([
      expect.objectContaining({ account: 'acme', messageId: '1000042', destination: '998901234567', source: 'Karvon' }),
    ]);
  });
});

describe('delivery receipts', () => {
  it('sends the standard receipt text with its TLVs, dates in the account time zone', async () => {
    const at = Date.UTC(2025, 0, 31, 21, 58);
    const { esme } = await setUp({ receiptTimeZone: 'Asia/Tashkent' }, { now: () => at });
    await submit(esme, '998901234567');
    const [receipt] = await esme.waitForDeliveries(1);
    expect(receipt).toMatchObject({
      command: 'deliver_sm',
      esm_class: 0x04,
      source_addr: '998901234567',
      destination_addr: 'Karvon',
      receipted_message_id: '1000042',
      message_state: 2,
    });
    expect(deliveredText(receipt!)).toBe(
      'id:1000042 sub:001 dlvrd:001 submit date:2502010258 done date:2502010258 stat:DELIVRD err:000 text:Your code is 123456,',
    );
  });

  it('waits the account receipt delay after the response', async () => {
    const { esme } = await setUp({ receiptDelayMs: 150 });
    const sentAt = performance.now();
    await submit(esme, '998901234567');
    await esme.waitForDeliveries(1);
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(140);
  });

  it('sends no receipt when registered_delivery is 0', async () => {
    const { sim, esme } = await setUp();
    await submit(esme, '998901234567', { registered_delivery: 0 });
    await sim.idle();
    await new Promise((r) => setTimeout(r, 30));
    expect(esme.deliveries).toHaveLength(0);
  });

  const longText = 'A long message that needs two parts. '.repeat(6);
  const parts = split(longText, { gsm7Packing: 'unpacked', reference: 7 }).parts;
  const submitParts = (esme: TestEsme) =>
    Promise.all(
      parts.map((part) =>
        esme.submit({
          source_addr: 'Karvon',
          destination_addr: '998901234567',
          esm_class: 0x40,
          data_coding: 0,
          registered_delivery: 1,
          short_message: Buffer.from(part.userData),
        }),
      ),
    );

  it('sends a receipt for every part by default', async () => {
    const { sim, esme } = await setUp();
    const resps = await submitParts(esme);
    expect(resps).toHaveLength(2);
    await esme.waitForDeliveries(2);
    expect(esme.deliveries.map((d) => d.receipted_message_id).sort()).toEqual(resps.map((r) => r.message_id).sort());
    expect(sim.submissions().map((s) => s.part)).toEqual([
      { reference: 7, total: 2, sequence: 1 },
      { reference: 7, total: 2, sequence: 2 },
    ]);
  });

  it('sends a receipt for the last part only when the account says so', async () => {
    const { sim, esme } = await setUp({ receiptsFor: 'last-part' });
    const resps = await submitParts(esme);
    await sim.idle();
    await new Promise((r) => setTimeout(r, 30));
    expect(esme.deliveries.map((d) => d.receipted_message_id)).toEqual([resps[1]!.message_id]);
  });

  it('reads SAR TLVs as parts too', async () => {
    const { sim, esme } = await setUp({ receiptsFor: 'last-part' });
    for (const seq of [1, 2])
      await submit(esme, '998901234567', { sar_msg_ref_num: 300, sar_total_segments: 2, sar_segment_seqnum: seq });
    await esme.waitForDeliveries(1);
    expect(sim.submissions().map((s) => s.part?.sequence)).toEqual([1, 2]);
    expect(esme.deliveries).toHaveLength(1);
  });
});

describe('outcomes by magic number', () => {
  const expected: Record<string, { stat: string | null; state?: number; err?: string }> = {
    delivered: { stat: 'DELIVRD', state: 2, err: '000' },
    failed: { stat: 'UNDELIV', state: 5, err: '034' },
    bounced: { stat: 'REJECTD', state: 8, err: '001' },
    expired: { stat: 'EXPIRED', state: 3, err: '000' },
    delayed: { stat: 'DELIVRD', state: 2, err: '000' },
    unknown: { stat: null },
  };

  it.each(SANDBOX_MAGIC_NUMBERS.filter((m) => m.number.startsWith('+998')).map((m) => [m.behaviour.outcome, m.number]))(
    'answers %s for %s',
    async (outcome, number) => {
      const { sim, esme } = await setUp();
      await submit(esme, number.slice(1));
      const want = expected[outcome]!;
      if (want.stat === null) {
        await sim.idle();
        await new Promise((r) => setTimeout(r, 50));
        expect(esme.deliveries).toHaveLength(0);
        return;
      }
      const [receipt] = await esme.waitForDeliveries(1);
      expect(deliveredText(receipt!)).toContain(`stat:${want.stat} err:${want.err}`);
      expect(receipt!.message_state).toBe(want.state);
    },
  );

  it('delivers `delayed` only after its delay', async () => {
    const { esme } = await setUp();
    const sentAt = performance.now();
    await submit(esme, '12025550105');
    await esme.waitForDeliveries(1);
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(75);
  });

  it('adds the GSM network error code to a failed receipt', async () => {
    const { esme } = await setUp();
    await submit(esme, '998900000002');
    const [receipt] = await esme.waitForDeliveries(1);
    expect(receipt!.network_error_code).toEqual(Buffer.from([3, 0, 34]));
  });
});
