import { createId } from '@karvon/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryHarness,
  type SimulatedCarrier,
  startDeliveryHarness,
  startSimulatedCarrier,
} from './support/delivery-harness';
import type { TestAccount } from './support/start-test-gateway';

const LONG_CODE = '+998712000001';
const SHARED_CODE = '7777';

/** A time zone where it is now between 10:00 and 20:00, so quiet hours do not hold a marketing message. */
function daytimeZone(): string {
  const zones = [
    'Asia/Tashkent',
    'Europe/London',
    'America/New_York',
    'America/Los_Angeles',
    'Asia/Tokyo',
    'Pacific/Auckland',
  ];
  const hourIn = (timeZone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  const zone = zones.find((z) => hourIn(z) >= 10 && hourIn(z) < 20);
  if (!zone) throw new Error('no daytime zone in the list');
  return zone;
}

describe('inbound messages and opt-out keywords', () => {
  let h: DeliveryHarness;
  let carrier: SimulatedCarrier;
  let shop: TestAccount;
  let other: TestAccount;

  async function register(account: TestAccount, sender: string, kind: string) {
    const now = Date.now();
    await h.repository.senders.create({
      id: createId('sender'),
      accountId: account.accountId,
      sender,
      kind,
      country: 'UZ',
      operator: null,
      route: null,
      status: 'approved',
      isDefault: false,
      createdAt: now,
      updatedAt: now,
    });
  }

  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    carrier = await startSimulatedCarrier('mo');
    h = await startDeliveryHarness('sqlite', [carrier]);
    shop = await h.newAccount({ balance: 1_000_000_000 });
    other = await h.newAccount({ balance: 1_000_000_000 });
    await register(shop, LONG_CODE, 'long_code');
    await register(shop, SHARED_CODE, 'short_code');
    await register(other, SHARED_CODE, 'short_code');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reassembles a concatenated MO, attributes it to the number’s owner and emits message.inbound', async () => {
    const text = 'Salom! Buyurtmam qachon keladi? '.repeat(8);
    await carrier.sim.injectMo({ from: '998901110001', to: LONG_CODE.slice(1), text, concatenated: true });
    const inbound = await eventually(
      () => h.repository.inbound.list(shop.accountId, { limit: 10 }),
      (list) => list.length > 0,
    );
    expect(inbound[0]).toMatchObject({ from: '+998901110001', to: LONG_CODE, body: text, keyword: null });
    const events = await h.repository.outbox.eventsAfter({
      accountId: shop.accountId,
      afterSeq: 0,
      types: ['message.inbound'],
      limit: 10,
    });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? '{}').data).toMatchObject({ from: '+998901110001', body: text });
  });

  it.each([
    ['STOP', '998901110011', 'en'],
    ['СТОП', '998901110012', 'ru'],
    ['Toʻxtatish', '998901110013', 'uz'],
    ['ТЎХТАТИШ', '998901110014', 'uz'],
  ])(
    '%s opts the number out, confirms from the long code, and the next marketing send is refused',
    async (word, from) => {
      const phone = `+${from}`;
      await h.repository.consents.add({
        accountId: shop.accountId,
        phoneNumber: phone,
        source: 'checkout',
        proof: null,
        consentedAt: Date.now(),
        createdAt: Date.now(),
      });
      // A marketing message scheduled before the STOP: stopped at dispatch.
      const scheduled = await shop.client.messages.send({
        to: phone,
        body: 'Chegirma 20%!',
        type: 'marketing',
        scheduledAt: new Date(Date.now() + 1_500).toISOString(),
        // Quiet hours (21:00–09:00 local) would hold it till morning: name a zone where it is day now.
        timezone: daytimeZone(),
      });
      const scheduledResult = scheduled.results[0];
      await carrier.sim.injectMo({ from, to: LONG_CODE.slice(1), text: word });
      const optOut = await eventually(
        () => h.repository.optOuts.get(shop.accountId, phone),
        (o) => o !== undefined,
      );
      expect(optOut).toMatchObject({ source: 'keyword' });
      const ledger = await h.repository.consentLedger.history(shop.accountId, phone);
      expect(ledger.at(-1)).toMatchObject({ action: 'opt_out', source: 'keyword', changed: true });
      const changed = await h.repository.outbox.eventsAfter({
        accountId: shop.accountId,
        afterSeq: 0,
        types: ['opt_out.changed'],
        limit: 100,
      });
      expect(changed.some((e) => JSON.parse(e.payload).data.phoneNumber === phone)).toBe(true);
      // The confirmation went back from the long code, straight through the carrier (not a billed message).
      const reply = await eventually(
        async () => carrier.sim.submissions().find((s) => s.destination === from),
        (s) => s !== undefined,
      );
      expect(reply?.source).toBe(LONG_CODE.slice(1));
      // A single message refused is the request's error (a batch would list it as rejected).
      await expect(shop.client.messages.send({ to: phone, body: 'Yana chegirma!', type: 'marketing' })).rejects.toThrow(
        /opted_out/,
      );
      if (scheduledResult?.status === 'accepted' && scheduledResult.messageStatus === 'scheduled') {
        const status = await h.waitForStatus(shop.accountId, scheduledResult.id);
        expect(status).toBe('failed');
        const stored = await h.repository.messages.get(shop.accountId, scheduledResult.id);
        expect(stored?.history.at(-1)).toMatchObject({ errorCode: 'opted_out' });
      }
    },
  );

  it('START opts back in and HELP answers with the help text', async () => {
    const from = '998901110011';
    await carrier.sim.injectMo({ from, to: LONG_CODE.slice(1), text: 'start' });
    await eventually(
      () => h.repository.optOuts.get(shop.accountId, `+${from}`),
      (o) => o === undefined,
    );
    expect(await h.repository.optOuts.get(shop.accountId, `+${from}`)).toBeUndefined();
    const before = carrier.sim.submissions().length;
    await carrier.sim.injectMo({ from: '998901110099', to: LONG_CODE.slice(1), text: 'HELP' });
    const help = await eventually(
      async () =>
        carrier.sim
          .submissions()
          .slice(before)
          .find((s) => s.destination === '998901110099'),
      (s) => s !== undefined,
    );
    expect(help?.text).toMatch(/STOP/);
  });

  it('on a shared short code, attributes a reply to the account that last messaged the number', async () => {
    const phone = '+998901110050';
    const sent = await other.client.messages.send({ to: phone, from: SHARED_CODE, body: 'Kodingiz 1234' });
    const result = sent.results[0];
    if (result?.status !== 'accepted') throw new Error(JSON.stringify(result));
    await h.waitForStatus(other.accountId, result.id);
    await carrier.sim.injectMo({ from: phone.slice(1), to: SHARED_CODE, text: 'Rahmat' });
    const inbound = await eventually(
      () => h.repository.inbound.list(other.accountId, { limit: 10 }),
      (list) => list.some((m) => m.body === 'Rahmat'),
    );
    expect(inbound.find((m) => m.body === 'Rahmat')).toMatchObject({ from: phone, to: SHARED_CODE });
    expect((await h.repository.inbound.list(shop.accountId, { limit: 50 })).some((m) => m.body === 'Rahmat')).toBe(
      false,
    );
  });

  it('an unattributed STOP on a shared code opts the number out everywhere', async () => {
    const phone = '+998901110077';
    await carrier.sim.injectMo({ from: phone.slice(1), to: SHARED_CODE, text: 'STOP' });
    const global = await eventually(
      () => h.repository.consentLedger.globallyOptedOut(phone),
      (v) => v,
    );
    expect(global).toBe(true);
  });
});
