import type { MessageIdFormat } from '@karvon/carrier-simulator';
import { afterAll, describe, expect, it } from 'vitest';
import { type DeliveryHarness, startDeliveryHarness, startSimulatedCarrier } from './delivery-harness';
import type { Backend } from './start-test-gateway';

// 2 UCS-2 parts with 8-bit references (Uzbek Cyrillic); 3 with 16-bit ones or SAR's smaller room is fine,
// the profile may not exceed the quote, and udh16 costs one more octet per part than udh8.
const LONG_CYRILLIC = 'Буюртмангиз йўлда: курьер эртага соат 10:00 дан 14:00 гача келади. Рахмат! '.repeat(1);
const LONG_LATIN = 'Buyurtmangiz yoʻlda, kuryer ertaga soat 10:00 dan 14:00 gacha keladi. Rahmat! '.repeat(3);

interface Case {
  name: string;
  longMessageMode: 'udh8' | 'udh16' | 'sar' | 'message_payload';
  bindMode: 'transceiver' | 'transmitter_receiver';
  simulatorIds: MessageIdFormat;
  profileIds: { response: 'decimal' | 'hex' | 'opaque'; receipt: 'decimal' | 'hex' | 'opaque' };
  receiptsFor: 'every-part' | 'last-part';
}

// Every long-message mode in both bind modes; the id formats and receipt styles rotate through them.
const CASES: Case[] = [
  {
    name: 'udh8 · transceiver · decimal ids',
    longMessageMode: 'udh8',
    bindMode: 'transceiver',
    simulatorIds: 'decimal',
    profileIds: { response: 'decimal', receipt: 'decimal' },
    receiptsFor: 'every-part',
  },
  {
    name: 'udh8 · transmitter+receiver · hex ids',
    longMessageMode: 'udh8',
    bindMode: 'transmitter_receiver',
    simulatorIds: 'hex',
    profileIds: { response: 'hex', receipt: 'hex' },
    receiptsFor: 'every-part',
  },
  {
    name: 'udh16 · transceiver · upper-case hex',
    longMessageMode: 'udh16',
    bindMode: 'transceiver',
    simulatorIds: 'hex-upper',
    profileIds: { response: 'hex', receipt: 'hex' },
    receiptsFor: 'last-part',
  },
  {
    name: 'udh16 · transmitter+receiver · zero-padded decimal',
    longMessageMode: 'udh16',
    bindMode: 'transmitter_receiver',
    simulatorIds: { base: 10, width: 12 },
    profileIds: { response: 'decimal', receipt: 'decimal' },
    receiptsFor: 'every-part',
  },
  {
    name: 'sar · transceiver · hex response, decimal receipt',
    longMessageMode: 'sar',
    bindMode: 'transceiver',
    simulatorIds: { response: 'hex', receipt: 'decimal' },
    profileIds: { response: 'hex', receipt: 'decimal' },
    receiptsFor: 'every-part',
  },
  {
    name: 'sar · transmitter+receiver · zero-padded upper hex',
    longMessageMode: 'sar',
    bindMode: 'transmitter_receiver',
    simulatorIds: { base: 16, width: 10, upperCase: true },
    profileIds: { response: 'hex', receipt: 'hex' },
    receiptsFor: 'last-part',
  },
  {
    name: 'message_payload · transceiver · decimal response, hex receipt',
    longMessageMode: 'message_payload',
    bindMode: 'transceiver',
    simulatorIds: { response: 'decimal', receipt: 'hex' },
    profileIds: { response: 'decimal', receipt: 'hex' },
    receiptsFor: 'every-part',
  },
  {
    name: 'message_payload · transmitter+receiver · decimal',
    longMessageMode: 'message_payload',
    bindMode: 'transmitter_receiver',
    simulatorIds: 'decimal',
    profileIds: { response: 'decimal', receipt: 'decimal' },
    receiptsFor: 'every-part',
  },
];

/** SDK → gateway → SMPP → simulator → receipt → status, for every long-message mode, bind mode and id format. */
export function deliverySuite(backend: Backend): void {
  describe.each(CASES)('delivery end to end ($name)', (c) => {
    let h: DeliveryHarness;
    afterAll(async () => {
      await h?.close();
    });

    it('delivers one-part and long messages and matches every receipt', async () => {
      const carrier = await startSimulatedCarrier(`sim${CASES.indexOf(c)}`, {
        messageIdFormat: c.simulatorIds,
        receiptsFor: c.receiptsFor,
        profile: {
          bindMode: c.bindMode,
          binds: c.bindMode === 'transceiver' ? 1 : 2,
          longMessageMode: c.longMessageMode,
          registeredDeliveryOn: c.receiptsFor === 'last-part' ? 'last_part' : 'every_part',
          messageIdFormat: { response: c.profileIds.response, receipt: c.profileIds.receipt },
        },
      });
      h = await startDeliveryHarness(backend, [carrier]);
      const account = await h.newAccount();
      const sent = await account.client.messages.send({
        messages: [
          { to: '+998901234567', body: 'Kodingiz: 4821' },
          { to: '+998911234567', body: LONG_CYRILLIC },
          { to: '+998931234567', body: LONG_LATIN },
        ],
      });
      const ids = sent.results.map((m) => {
        if (m.status === 'rejected') throw new Error(`rejected: ${JSON.stringify(m)}`);
        return { id: m.id, segments: m.segments };
      });
      expect(ids[1]?.segments).toBeGreaterThan(1);
      expect(ids[2]?.segments).toBeGreaterThan(1);
      for (const { id } of ids) expect(await h.waitForStatus(account.accountId, id)).toBe('delivered');

      // Through the SDK, as a customer reads it.
      for (const { id, segments } of ids) {
        const status = await account.client.messages.get(id);
        expect(status.status).toBe('delivered');
        expect(status.history?.map((e: { status: string }) => e.status)).toEqual(['queued', 'sent', 'delivered']);
        const stored = await h.repository.messages.get(account.accountId, id);
        const expectedParts = c.longMessageMode === 'message_payload' ? 1 : segments;
        expect(stored?.parts).toHaveLength(expectedParts);
        expect(stored?.parts.every((p) => p.status === 'delivered' && p.carrier === carrier.id)).toBe(true);
      }
      const stats = carrier.sim.stats();
      const expectedSubmits = ids.reduce((n, m) => n + (c.longMessageMode === 'message_payload' ? 1 : m.segments), 0);
      expect(stats.submits.total).toBe(expectedSubmits);
      expect(stats.submits.duplicates).toBe(0);
      // A receipt may beat its submit_sm_resp (held, then matched); none is left unmatched or held.
      await h.gateway.delivery?.housekeep();
      const receipts = await h.repository.receipts.counts(0);
      expect(receipts.filter((r) => r.outcome !== 'applied')).toEqual([]);
      const final = c.receiptsFor === 'last-part' ? ids.length : expectedSubmits;
      expect(receipts.reduce((n, r) => n + r.count, 0)).toBe(final);
    });
  });
}
