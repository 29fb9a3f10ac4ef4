import { type SimulatorAccount, startCarrierSimulator } from '@karvon/carrier-simulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { Carrier, CarrierReceipt, OutboundMessage } from '../carrier';
import { type CarrierProfileInput, carrierProfileSchema } from '../profiles/carrier-profile';
import { connectSmppCarrier } from './smpp-connector';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function setup(account: Partial<SimulatorAccount> = {}, profile: Partial<CarrierProfileInput> = {}) {
  const sim = await startCarrierSimulator({ accounts: [{ systemId: 'acme', password: 'secret', ...account }] });
  open.push(sim);
  const carrier = await connectSmppCarrier(
    carrierProfileSchema.parse({
      id: 'sim',
      host: sim.host,
      port: sim.port,
      systemId: 'acme',
      password: 'secret',
      tps: 1000,
      reconnect: { initialMs: 10, maxMs: 50 },
      ...profile,
    }),
  );
  open.push(carrier);
  return { sim, carrier };
}

const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'msg_1',
  destination: '+998901234567',
  source: 'Karvon',
  senderKind: 'alphanumeric',
  text: 'Hello from Karvon',
  encoding: 'auto',
  registeredDelivery: true,
  ...overrides,
});

function receipts(carrier: Carrier, n: number): Promise<CarrierReceipt[]> {
  const seen: CarrierReceipt[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`got ${seen.length} of ${n} receipts`)), 3000);
    carrier.onReceipt((receipt) => {
      seen.push(receipt);
      if (seen.length === n) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const longText = 'Karvon long message. '.repeat(12); // 252 GSM-7 characters: 2 parts

describe('SMPP connector against the carrier simulator', () => {
  it('binds a transceiver and submits a one-part message with the profile addressing', async () => {
    const { sim, carrier } = await setup();
    expect(carrier.state().binds).toMatchObject([{ mode: 'transceiver', state: 'bound' }]);
    const outcome = await carrier.submit(message());
    expect(outcome).toMatchObject({ kind: 'accepted' });
    expect(outcome.kind === 'accepted' && outcome.carrierMessageIds).toHaveLength(1);
    const [submission] = sim.submissions();
    expect(submission).toMatchObject({
      destination: '998901234567',
      source: 'Karvon',
      text: 'Hello from Karvon',
      dataCoding: 0,
    });
    expect(submission?.registeredDelivery).toBe(1);
  });

  it('binds a transmitter + receiver pair and gets receipts on the receiver', async () => {
    const { carrier } = await setup({}, { bindMode: 'transmitter_receiver', binds: 2 });
    await until(() => carrier.state().binds.every((bind) => bind.state === 'bound'));
    expect(carrier.state().binds.map((bind) => bind.mode)).toEqual(['transmitter', 'receiver']);
    const pending = receipts(carrier, 1);
    const outcome = await carrier.submit(message());
    const [receipt] = await pending;
    expect(receipt?.bindId).toBe('sim#2');
    expect(outcome.kind === 'accepted' && outcome.carrierMessageIds[0]).toBe(receipt?.carrierMessageId);
  });

  it.each(['udh8', 'udh16', 'sar'] as const)(
    'splits a long message into parts with one reference (%s)',
    async (mode) => {
      const { sim, carrier } = await setup({}, { longMessageMode: mode });
      const outcome = await carrier.submit(message({ text: longText }));
      expect(outcome.kind === 'accepted' && outcome.carrierMessageIds).toHaveLength(2);
      const parts = sim.submissions().map((s) => s.part);
      expect(parts.map((p) => p?.sequence)).toEqual([1, 2]);
      expect(parts.every((p) => p?.total === 2 && p.reference === parts[0]?.reference)).toBe(true);
      expect(
        sim
          .submissions()
          .map((s) => s.text)
          .join(''),
      ).toBe(longText);
    },
  );

  it('uses a new concatenation reference for the next long message to the same number', async () => {
    const { sim, carrier } = await setup();
    await carrier.submit(message({ text: longText }));
    await carrier.submit(message({ text: longText }));
    const refs = new Set(sim.submissions().map((s) => s.part?.reference));
    expect(refs.size).toBe(2);
  });

  it('sends a long message as one message_payload submit', async () => {
    const { sim, carrier } = await setup({}, { longMessageMode: 'message_payload' });
    const outcome = await carrier.submit(message({ text: longText }));
    expect(outcome.kind === 'accepted' && outcome.carrierMessageIds).toHaveLength(1);
    expect(sim.submissions()).toHaveLength(1);
    expect(sim.submissions()[0]?.text).toBe(longText);
  });

  it('sends UCS-2 with the profile data_coding', async () => {
    const { sim, carrier } = await setup({}, { dataCoding: { ucs2: 8 } });
    await carrier.submit(message({ text: 'Салом дунё' }));
    expect(sim.submissions()[0]).toMatchObject({ dataCoding: 8, text: 'Салом дунё' });
  });

  it('asks for a receipt on the last part only when the profile says so', async () => {
    const { sim, carrier } = await setup({}, { registeredDeliveryOn: 'last_part' });
    await carrier.submit(message({ text: longText }));
    expect(sim.submissions().map((s) => s.registeredDelivery)).toEqual([0, 1]);
  });

  it.each([
    ['hex response, decimal receipt', { response: 'hex', receipt: 'decimal' }, { response: 'hex', receipt: 'decimal' }],
    ['upper-case hex', 'hex-upper', { response: 'hex', receipt: 'hex' }],
    ['zero-padded decimal', { base: 10, width: 12 }, { response: 'decimal', receipt: 'decimal' }],
    ['decimal', 'decimal', { response: 'decimal', receipt: 'decimal' }],
  ] as const)('matches the receipt to the response id (%s)', async (_name, simFormat, profileFormat) => {
    const { carrier } = await setup(
      { messageIdFormat: simFormat as NonNullable<SimulatorAccount['messageIdFormat']> },
      { messageIdFormat: profileFormat },
    );
    const pending = receipts(carrier, 1);
    const outcome = await carrier.submit(message());
    const [receipt] = await pending;
    expect(receipt).toMatchObject({ status: 'delivered', state: 'DELIVRD' });
    expect(outcome.kind === 'accepted' && outcome.carrierMessageIds[0]).toBe(receipt?.carrierMessageId);
  });

  it('maps a failure receipt and reads its dates in the profile time zone', async () => {
    const { carrier } = await setup(
      { receiptTimeZone: 'Asia/Tashkent', receiptedMessageId: 'omit', receiptDateSeconds: true },
      { receiptTimeZone: 'Asia/Tashkent' },
    );
    const pending = receipts(carrier, 1);
    const before = Date.now();
    await carrier.submit(message({ destination: '+998900000002' }));
    const [receipt] = await pending;
    expect(receipt).toMatchObject({ status: 'failed', state: 'UNDELIV', errorCode: '034' });
    expect(Math.abs((receipt?.doneAt?.getTime() ?? 0) - before)).toBeLessThan(5000);
  });

  it('returns not_sent on a throttle and halves the bind rate, then raises it on success', async () => {
    const { sim, carrier } = await setup({}, { tps: 100 });
    sim.faults.set({ kind: 'throttle', count: 1 });
    expect(await carrier.submit(message())).toMatchObject({ kind: 'not_sent', retryable: true, throttled: true });
    expect(carrier.state().binds[0]?.rate).toBe(50);
    expect(await carrier.submit(message())).toMatchObject({ kind: 'accepted' });
    expect(carrier.state().binds[0]?.rate).toBe(52);
  });

  it('treats a full queue like a throttle', async () => {
    const { sim, carrier } = await setup();
    sim.faults.set({ kind: 'queue-full', count: 1 });
    expect(await carrier.submit(message())).toMatchObject({ kind: 'not_sent', throttled: true });
  });

  it.each([
    [0x0b, { kind: 'rejected', bounced: true, code: 0x0b }],
    [0x0a, { kind: 'rejected', bounced: false, code: 0x0a }],
    [0x401, { kind: 'rejected', bounced: true, code: 0x401 }],
    [0x402, { kind: 'not_sent', retryable: true }],
    [0x403, { kind: 'not_sent', retryable: true }],
    [0x08, { kind: 'not_sent', retryable: true }],
  ])('maps command_status %i per the code map', async (status, expected) => {
    const { sim, carrier } = await setup(
      {},
      {
        vendorErrors: {
          '0x401': { kind: 'permanent', bounced: true, reason: 'subscriber barred' },
          '0x402': { kind: 'temporary' },
        },
      },
    );
    sim.faults.set({ kind: 'reject', status, count: 1 });
    expect(await carrier.submit(message())).toMatchObject(expected);
  });

  it('ends written submits as ambiguous and unwritten ones as not_sent when the bind drops mid-window', async () => {
    const { sim, carrier } = await setup({}, { windowSize: 2, reconnect: { initialMs: 5_000, maxMs: 5_000 } });
    sim.faults.set({ kind: 'drop', afterSubmits: 0 });
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((n) => carrier.submit(message({ id: `m${n}`, text: `Hi ${n}` }))),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['ambiguous', 'ambiguous', 'not_sent', 'not_sent']);
    expect(sim.stats().submits.duplicates).toBe(0);
    expect(carrier.state().binds[0]?.windowUsed).toBe(0);
  });

  it('ends a stalled submit as ambiguous after the response timeout and frees its window slot', async () => {
    const { sim, carrier } = await setup({}, { responseTimeoutMs: 150 });
    sim.faults.set({ kind: 'stall', count: 1 });
    const started = Date.now();
    expect(await carrier.submit(message())).toMatchObject({ kind: 'ambiguous', reason: 'response timed out' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(carrier.state().binds[0]?.windowUsed).toBe(0);
    expect(await carrier.submit(message())).toMatchObject({ kind: 'accepted' });
  });

  it('reconnects after the carrier drops the bind', async () => {
    const { sim, carrier } = await setup();
    sim.faults.set({ kind: 'drop' });
    // The drop is seen, then a second bind_transceiver comes after the backoff.
    await until(() => (sim.stats().received.bind_transceiver ?? 0) >= 2 && carrier.state().binds[0]?.state === 'bound');
    expect(await carrier.submit(message())).toMatchObject({ kind: 'accepted' });
  });

  it('sends enquire_link when the link is idle', async () => {
    const { sim } = await setup({}, { enquireLinkMs: 40 });
    await until(() => (sim.stats().received.enquire_link ?? 0) >= 2);
  });

  it('keeps to the account TPS cap', async () => {
    const { carrier } = await setup({}, { tps: 20, windowSize: 50 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, (_, n) => carrier.submit(message({ text: `n${n}` }))));
    // 2 in the first burst (a tenth of a second), the next 38 paced at 50 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
  });

  it('delivers inbound messages to onInbound', async () => {
    const { sim, carrier } = await setup();
    const got = new Promise((resolve) => carrier.onInbound(resolve));
    await sim.injectMo({ from: '998901234567', to: '3700', text: 'STOP' });
    expect(await got).toMatchObject({ source: '998901234567', destination: '3700', text: 'STOP', part: null });
  });

  it('fails to start when the credentials are wrong', async () => {
    const sim = await startCarrierSimulator({ accounts: [{ systemId: 'acme', password: 'secret' }] });
    open.push(sim);
    const profile = carrierProfileSchema.parse({
      id: 'x',
      host: sim.host,
      port: sim.port,
      systemId: 'acme',
      password: 'wrong',
      tps: 10,
    });
    await expect(connectSmppCarrier(profile, { startTimeoutMs: 200 })).rejects.toThrow(/no transmit bind/);
  });
});
