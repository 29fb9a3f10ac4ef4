import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './support/start-test-gateway';

describe('{opt_out_link} in a message', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('becomes a short per-recipient link to the opt-out page, counted in the segments', async () => {
    const account = await t.newAccount();
    const sent = await account.client.messages.send({
      messages: [{ to: '+998901230001' }, { to: '+998901230002' }, { to: '+998901230001' }],
      body: 'Chegirma 20%! Obunani bekor qilish: {opt_out_link}',
    });
    const ids = sent.results.map((r) => (r.status === 'accepted' ? r.id : ''));
    const bodies = await Promise.all(
      ids.map(async (id) => (await t.repository.messages.get(account.accountId, id))?.body ?? ''),
    );
    const links = bodies.map((b) => /(http:\/\/[^\s]+\/u\/([A-Za-z0-9]{8}))$/.exec(b));
    expect(links.every((m) => m !== null)).toBe(true);
    // One link per recipient: the same number gets the same link, another number another one.
    expect(links[0]?.[1]).toBe(links[2]?.[1]);
    expect(links[0]?.[1]).not.toBe(links[1]?.[1]);
    expect(bodies[0]?.startsWith('Chegirma 20%! Obunani bekor qilish: http://127.0.0.1:')).toBe(true);
    const page = await fetch(links[1]?.[1] as string, { headers: { 'accept-language': 'ru' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form');
    const resolved = await t.repository.optOutLinks.resolve(links[1]?.[2] as string);
    expect(resolved).toMatchObject({ accountId: account.accountId, phoneNumber: '+998901230002' });
  });
});
