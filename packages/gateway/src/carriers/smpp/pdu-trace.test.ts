import { type SimulatorAccount, startCarrierSimulator } from '@karvon/carrier-simulator';
import { PDU, type PduOptions } from 'smpp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Carrier, CarrierReceipt, OutboundMessage } from '../carrier';
import { type CarrierProfileInput, carrierProfileSchema } from '../profiles/carrier-profile';
import { describePdu, type PduTraceEntry, type PduTraceSink, pduTracer } from './pdu-trace';
import { createPduTraceBuffer } from './pdu-trace-buffer';
import { connectSmppCarrier, type SmppConnectorOptions } from './smpp-connector';

// pduTracer wrapped in a spy that calls through, so the connector can be seen not to build a
// tracer when no trace is asked for. Behaviour is the real one everywhere.
vi.mock('./pdu-trace', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./pdu-trace')>();
  return { ...actual, pduTracer: vi.fn(actual.pduTracer) };
});

const SYSTEM_ID = 'acme-sysid-7731';
const PASSWORD = 'pw-Zq81x';
const CONTEXT = { at: 1_700_000_000_000, carrier: 'sim', bind: 'sim#1' };

// The `smpp` package decodes a PDU read off the wire from its bytes; its typings only declare
// the constructor by command name.
const PduFromBytes = PDU as unknown as new (bytes: Buffer) => PDU;
const received = (command: string, options: PduOptions): PDU =>
  new PduFromBytes(new PDU(command, { sequence_number: 9, ...options }).toBuffer());
const written = (command: string, options: PduOptions): PDU => new PDU(command, { sequence_number: 9, ...options });

describe('describePdu', () => {
  it('keeps only the command and sequence of a bind, not its credentials', () => {
    const pdu = written('bind_transceiver', { system_id: SYSTEM_ID, password: PASSWORD, interface_version: 0x34 });
    expect(describePdu(pdu, 'out', CONTEXT)).toEqual({
      ...CONTEXT,
      direction: 'out',
      command: 'bind_transceiver',
      sequence: 9,
    });
  });

  it('adds the status of a response', () => {
    const pdu = received('bind_transceiver_resp', { system_id: 'SMSC-X' });
    expect(describePdu(pdu, 'in', CONTEXT)).toEqual({
      ...CONTEXT,
      direction: 'in',
      command: 'bind_transceiver_resp',
      sequence: 9,
      status: 0,
    });
  });

  it('adds the message id of a submit_sm_resp', () => {
    expect(describePdu(received('submit_sm_resp', { message_id: 'f424a' }), 'in', CONTEXT)).toMatchObject({
      status: 0,
      messageId: 'f424a',
    });
  });

  it('describes a submit_sm by its addressing and shape, not its text', () => {
    const pdu = written('submit_sm', {
      source_addr_ton: 5,
      source_addr: 'Karvon',
      dest_addr_ton: 1,
      destination_addr: '998901234567',
      data_coding: 0,
      registered_delivery: 1,
      short_message: Buffer.from('Your code is 4821'),
    });
    const entry = describePdu(pdu, 'out', CONTEXT);
    expect(entry).toEqual({
      ...CONTEXT,
      direction: 'out',
      command: 'submit_sm',
      sequence: 9,
      source: 'Karvon',
      destination: '99890*****67',
      dataCoding: 0,
      length: 17,
    });
  });

  it.each([
    ['an international number without its +', 1, '998901234567', '99890*****67'],
    ['an international number with its +', 1, '+998901234567', '+99890*****67'],
    ['a number of another country', 1, '12125550100', '121******00'],
    ['a number of unknown type (no country code assumed)', 0, '998901234567', '**********67'],
    ['a short code', 3, '3700', '3700'],
    ['an alphanumeric sender', 5, 'Karvon', 'Karvon'],
    ['an alphanumeric sender that is a phone number', 5, '998901234567', '**********67'],
  ])('masks %s', (_name, ton, address, expected) => {
    const pdu = written('submit_sm', { source_addr_ton: ton, source_addr: address, short_message: Buffer.from('x') });
    expect(describePdu(pdu, 'out', CONTEXT).source).toBe(expected);
  });

  it('reads a receipt to its state and error code only', () => {
    const pdu = received('deliver_sm', {
      source_addr_ton: 1,
      source_addr: '998901234567',
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(
        'id:77 sub:001 dlvrd:000 submit date:2501151000 done date:2501151001 stat:UNDELIV err:034 text:Your code is 4821',
      ),
    });
    const entry = describePdu(pdu, 'in', CONTEXT);
    expect(entry).toMatchObject({ messageId: '77', receipt: { state: 'UNDELIV', err: '034' }, source: '99890*****67' });
    expect(JSON.stringify(entry)).not.toMatch(/4821|Your code|2501151000/);
  });

  it('prefers the receipt TLVs, as the connector does', () => {
    const pdu = received('deliver_sm', {
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from('id:77 stat:ENROUTE err:000 text:x'),
      receipted_message_id: '0004d',
      message_state: 2,
    });
    expect(describePdu(pdu, 'in', CONTEXT)).toMatchObject({
      messageId: '0004d',
      receipt: { state: 'DELIVRD', err: '000' },
    });
  });

  it('refuses receipt fields that swallowed the message text', () => {
    const pdu = received('deliver_sm', {
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from('id:77text:Your code 4821 stat:DELIVRDtext:Your err:000text:Your code 4821'),
    });
    const entry = describePdu(pdu, 'in', CONTEXT);
    expect(entry.receipt).toEqual({ state: '[unreadable]', err: '[unreadable]' });
    expect(entry.messageId).toBe('[unreadable]');
    expect(JSON.stringify(entry)).not.toMatch(/4821|Your/);
  });

  it('reports a receipt without stat as UNKNOWN', () => {
    const pdu = received('deliver_sm', { esm_class: 0x04, data_coding: 0, short_message: Buffer.from('id:77') });
    expect(describePdu(pdu, 'in', CONTEXT).receipt).toEqual({ state: 'UNKNOWN', err: null });
  });
});

describe('pduTracer', () => {
  it('stamps each entry with the carrier, the bind and the clock', () => {
    const seen: PduTraceEntry[] = [];
    const hook = pduTracer(
      (entry) => seen.push(entry),
      'sim',
      () => 42,
    );
    hook('out', written('enquire_link', {}), 'sim#2');
    expect(seen).toEqual([
      { at: 42, carrier: 'sim', bind: 'sim#2', direction: 'out', command: 'enquire_link', sequence: 9 },
    ]);
  });

  it('swallows a throwing sink', () => {
    const hook = pduTracer(
      () => {
        throw new Error('sink broke');
      },
      'sim',
      () => 0,
    );
    expect(() => hook('in', received('enquire_link_resp', {}), 'sim#1')).not.toThrow();
  });
});

describe('PDU trace of the SMPP connector against the carrier simulator', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });

  async function setup(
    options: SmppConnectorOptions,
    profile: Partial<CarrierProfileInput> = {},
    account: Partial<SimulatorAccount> = {},
  ) {
    const sim = await startCarrierSimulator({ accounts: [{ systemId: SYSTEM_ID, password: PASSWORD, ...account }] });
    open.push(sim);
    const carrier = await connectSmppCarrier(
      carrierProfileSchema.parse({
        id: 'sim',
        host: sim.host,
        port: sim.port,
        systemId: SYSTEM_ID,
        password: PASSWORD,
        tps: 1000,
        reconnect: { initialMs: 10, maxMs: 50 },
        ...profile,
      }),
      options,
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

  const nextReceipt = (carrier: Carrier) =>
    new Promise<CarrierReceipt>((resolve) => {
      const off = carrier.onReceipt((receipt) => {
        off();
        resolve(receipt);
      });
    });

  const until = async (check: () => boolean, timeoutMs = 3000) => {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const commands = (entries: readonly PduTraceEntry[]) => entries.map((e) => `${e.direction} ${e.command}`);

  it('traces a submit and its receipt with masked numbers and no message text', async () => {
    const trace = createPduTraceBuffer();
    const { carrier } = await setup({ trace: trace.sink });
    const receipt = nextReceipt(carrier);
    const outcome = await carrier.submit(message());
    const { rawMessageId } = await receipt;
    await until(() => trace.entries().some((e) => e.command === 'deliver_sm_resp'));

    const entries = trace.entries();
    const submitted = entries.find((e) => e.command === 'submit_sm');
    const response = entries.find((e) => e.command === 'submit_sm_resp');
    const delivered = entries.find((e) => e.command === 'deliver_sm');
    expect(submitted).toMatchObject({
      carrier: 'sim',
      bind: 'sim#1',
      direction: 'out',
      source: 'Karvon',
      destination: '99890*****67',
      dataCoding: 0,
      length: 17,
    });
    expect(response).toMatchObject({ direction: 'in', sequence: submitted?.sequence, status: 0 });
    expect(outcome.kind === 'accepted' && response?.messageId).toBe(
      outcome.kind === 'accepted' && outcome.carrierMessageIds[0],
    );
    expect(delivered).toMatchObject({
      direction: 'in',
      source: '99890*****67',
      destination: 'Karvon',
      messageId: rawMessageId,
      receipt: { state: 'DELIVRD', err: '000' },
    });
    expect(entries.find((e) => e.command === 'deliver_sm_resp')).toMatchObject({
      direction: 'out',
      sequence: delivered?.sequence,
      status: 0,
    });
    const serialised = JSON.stringify(entries);
    expect(serialised).not.toContain('Hello');
    expect(serialised).not.toContain('998901234567');
  });

  it('traces a failure receipt with its error code', async () => {
    const trace = createPduTraceBuffer();
    const { carrier } = await setup({ trace: trace.sink });
    const receipt = nextReceipt(carrier);
    await carrier.submit(message({ destination: '+998900000002' }));
    await receipt;
    expect(trace.entries().find((e) => e.command === 'deliver_sm')).toMatchObject({
      source: '99890*****02',
      receipt: { state: 'UNDELIV', err: '034' },
    });
  });

  it('traces the bind, keep-alives and unbind by command and status, never the credentials', async () => {
    const trace = createPduTraceBuffer();
    const { sim, carrier } = await setup({ trace: trace.sink }, { enquireLinkMs: 40 });
    await until(() => (sim.stats().received.enquire_link ?? 0) >= 1);
    await until(() => trace.entries().some((e) => e.command === 'enquire_link_resp'));
    await carrier.close();

    const entries = trace.entries();
    expect(commands(entries).slice(0, 2)).toEqual(['out bind_transceiver', 'in bind_transceiver_resp']);
    expect(commands(entries)).toEqual(
      expect.arrayContaining(['out enquire_link', 'in enquire_link_resp', 'out unbind']),
    );
    for (const entry of entries.filter((e) => /bind/.test(e.command))) {
      expect(Object.keys(entry).sort()).toEqual(
        ['at', 'bind', 'carrier', 'command', 'direction', 'sequence', ...('status' in entry ? ['status'] : [])].sort(),
      );
    }
    const serialised = JSON.stringify(entries);
    expect(serialised).not.toContain(PASSWORD);
    expect(serialised).not.toContain(SYSTEM_ID);
  });

  it.each([
    ['udh8', 159],
    ['udh16', 159],
    ['sar', 153],
  ] as const)('traces each part of a long message with its concatenation (%s)', async (mode, firstLength) => {
    const trace = createPduTraceBuffer();
    const { carrier } = await setup({ trace: trace.sink }, { longMessageMode: mode });
    const text = 'Karvon long message. '.repeat(12); // 252 GSM-7 characters: 2 parts
    await carrier.submit(message({ text }));
    const parts = trace.entries().filter((e) => e.command === 'submit_sm');
    expect(parts.map((e) => e.parts?.sequence)).toEqual([1, 2]);
    expect(parts.every((e) => e.parts?.total === 2 && e.parts.reference === parts[0]?.parts?.reference)).toBe(true);
    expect(parts[0]?.length).toBe(firstLength);
    expect(JSON.stringify(parts)).not.toContain('Karvon long');
  });

  it('traces an inbound message masked, with its byte length and not its text', async () => {
    const trace = createPduTraceBuffer();
    const { sim, carrier } = await setup({ trace: trace.sink });
    const got = new Promise((resolve) => carrier.onInbound(resolve));
    await sim.injectMo({ from: '998901234567', to: '3700', text: 'Салом, banana' });
    await got;
    const delivered = trace.entries().find((e) => e.command === 'deliver_sm');
    expect(delivered).toMatchObject({ source: '99890*****67', destination: '3700', dataCoding: 8, length: 26 });
    expect(delivered).not.toHaveProperty('receipt');
    expect(JSON.stringify(trace.entries())).not.toMatch(/banana|Салом|998901234567/);
  });

  it('keeps only the newest entries in a bounded buffer', async () => {
    const all = createPduTraceBuffer(10_000);
    const small = createPduTraceBuffer(4);
    const { carrier } = await setup({
      trace: (entry) => {
        all.sink(entry);
        small.sink(entry);
      },
    });
    for (let n = 0; n < 5; n++) await carrier.submit(message({ text: `n${n}`, registeredDelivery: false }));
    expect(all.entries().length).toBeGreaterThan(10);
    expect(small.entries()).toEqual(all.entries().slice(-4));
  });

  it('keeps traffic flowing when the sink throws', async () => {
    const sink = vi.fn<PduTraceSink>(() => {
      throw new Error('sink broke');
    });
    const { carrier } = await setup({ trace: sink });
    const receipt = nextReceipt(carrier);
    expect(await carrier.submit(message())).toMatchObject({ kind: 'accepted' });
    expect(await receipt).toMatchObject({ state: 'DELIVRD' });
    expect(sink).toHaveBeenCalled();
  });

  it('builds no tracer when no trace is given', async () => {
    vi.mocked(pduTracer).mockClear();
    const { carrier } = await setup({});
    await carrier.submit(message({ registeredDelivery: false }));
    expect(pduTracer).not.toHaveBeenCalled();
    await setup({ trace: () => {} });
    expect(pduTracer).toHaveBeenCalledTimes(1);
  });
});
