import { createId } from '@karvon/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { staticPortabilityTable } from '../src/routing';
import { type DeliveryHarness, startDeliveryHarness, startSimulatedCarrier } from './support/delivery-harness';

let h: DeliveryHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const accepted = (result: { status: string; id?: string }) => {
  if (result.status !== 'accepted' || !result.id) throw new Error(`not accepted: ${JSON.stringify(result)}`);
  return result.id;
};

describe('routing of live messages', () => {
  it('routes by the operator a number was ported to, and stores the operator with its source', async () => {
    const beeline = await startSimulatedCarrier('beeline-link');
    const ucell = await startSimulatedCarrier('ucell-link');
    h = await startDeliveryHarness('sqlite', [beeline, ucell], {
      routes: [
        { carrier: 'beeline-link', countries: ['UZ'], operators: ['beeline'] },
        { carrier: 'ucell-link', countries: ['UZ'], operators: ['ucell'] },
      ],
      delivery: { portability: staticPortabilityTable({ '+998901112233': 'ucell' }) },
    });
    const account = await h.newAccount();
    const sent = await account.client.messages.send({
      messages: [
        { to: '+998901112233', body: 'Ported to Ucell' },
        { to: '+998901112234', body: 'Still Beeline' },
      ],
    });
    const [ported, native] = sent.results.map(accepted) as [string, string];
    expect(await h.waitForStatus(account.accountId, ported)).toBe('delivered');
    expect(await h.waitForStatus(account.accountId, native)).toBe('delivered');
    const p = await h.repository.messages.get(account.accountId, ported);
    const n = await h.repository.messages.get(account.accountId, native);
    expect(p).toMatchObject({ operator: 'ucell', operatorSource: 'portability' });
    expect(p?.parts[0]?.carrier).toBe('ucell-link');
    expect(n).toMatchObject({ operator: 'beeline', operatorSource: 'prefix' });
    expect(n?.parts[0]?.carrier).toBe('beeline-link');
  });

  it('keeps a sender to the routes it is registered on', async () => {
    const open = await startSimulatedCarrier('open-route');
    const registered = await startSimulatedCarrier('reg-route');
    h = await startDeliveryHarness('sqlite', [open, registered]);
    const account = await h.newAccount();
    const now = Date.now();
    await h.repository.senders.create({
      id: createId('sender'),
      accountId: account.accountId,
      sender: 'ShopUz',
      kind: 'alphanumeric',
      country: 'UZ',
      operator: null,
      route: 'reg-route',
      status: 'approved',
      isDefault: false,
      createdAt: now,
      updatedAt: now,
    });
    const sent = await account.client.messages.send({ to: '+998901234567', from: 'ShopUz', body: 'Hi' });
    const id = accepted(sent.results[0] as { status: string; id?: string });
    expect(await h.waitForStatus(account.accountId, id)).toBe('delivered');
    expect((await h.repository.messages.get(account.accountId, id))?.parts[0]?.carrier).toBe('reg-route');
    expect(open.sim.submissions()).toHaveLength(0);
  });

  it('skips a route that would split the message into more parts than were quoted', async () => {
    // 16-bit references leave 66 UCS-2 characters per part: 134 characters quoted as 2 parts become 3.
    const wide = await startSimulatedCarrier('udh16-route', { profile: { longMessageMode: 'udh16' } });
    const narrow = await startSimulatedCarrier('udh8-route', { profile: { longMessageMode: 'udh8' } });
    h = await startDeliveryHarness('sqlite', [wide, narrow]);
    const account = await h.newAccount();
    const sent = await account.client.messages.send({ to: '+998901234567', body: 'Б'.repeat(134) });
    const result = sent.results[0] as { status: string; id?: string; segments?: number };
    expect(result.segments).toBe(2);
    const id = accepted(result);
    expect(await h.waitForStatus(account.accountId, id)).toBe('delivered');
    const stored = await h.repository.messages.get(account.accountId, id);
    expect(stored?.parts.map((p) => p.carrier)).toEqual(['udh8-route', 'udh8-route']);
    expect(wide.sim.submissions()).toHaveLength(0);
  });

  it('fails a message no route serves, with the reason, and gives the money back', async () => {
    const kz = await startSimulatedCarrier('kz-only');
    h = await startDeliveryHarness('sqlite', [kz], { routes: [{ carrier: 'kz-only', countries: ['KZ'] }] });
    const account = await h.newAccount();
    const before = (await h.repository.accounts.get(account.accountId))?.balance ?? 0;
    const sent = await account.client.messages.send({ to: '+998901234567', body: 'Hi' });
    const id = accepted(sent.results[0] as { status: string; id?: string });
    expect(await h.waitForStatus(account.accountId, id)).toBe('failed');
    const stored = await h.repository.messages.get(account.accountId, id);
    expect(stored?.history.at(-1)).toMatchObject({ status: 'failed', errorCode: 'no_route' });
    expect((await h.repository.accounts.get(account.accountId))?.balance).toBe(before);
  });
});
