import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryHarness, startDeliveryHarness, startSimulatedCarrier } from './support/delivery-harness';
import { sendLoad } from './support/fault-tally';
import { startTestGateway } from './support/start-test-gateway';

const TOKEN = 'op_0123456789abcdefghijklmnop';

describe('operator API', () => {
  let h: DeliveryHarness;
  let accountId: string;
  let ids: string[];
  const op = (path: string, init: RequestInit = {}, token = TOKEN) =>
    fetch(`${h.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });

  beforeAll(async () => {
    const carrier = await startSimulatedCarrier('op');
    h = await startDeliveryHarness('sqlite', [carrier], { gateway: { operatorToken: TOKEN } });
    const account = await h.newAccount({ balance: 1_000_000_000 });
    accountId = account.accountId;
    ids = await sendLoad(account.client, 20, { tag: 'op' });
    for (const id of ids) await h.waitForStatus(accountId, id);
    await h.gateway.delivery?.housekeep();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a missing or wrong token, and an account API key', async () => {
    expect((await fetch(`${h.url}/operator/carriers`)).status).toBe(401);
    expect((await op('/operator/carriers', {}, 'op_wrong_token_0123456789abcd')).status).toBe(401);
    const key = (await h.newAccount()).key;
    const withKey = await op('/operator/queue', {}, key);
    expect(withKey.status).toBe(401);
    expect((await withKey.json()).code).toBe('unauthenticated');
  });

  it('shows each carrier: binds, window, TPS, circuit, submits by outcome, receipts and their ratio', async () => {
    const body = await (await op('/operator/carriers')).json();
    const [view] = body.carriers;
    expect(view).toMatchObject({
      carrier: 'op',
      connected: true,
      paused: false,
      slots: { held: 1, total: 1 },
      circuit: { state: 'closed', consecutiveFailures: 0 },
      submits: { accepted: 20 },
      receipts: { byOutcome: { applied: 20 }, unmatched: 0 },
      receiptRatio: 1,
    });
    expect(view.binds[0]).toMatchObject({ mode: 'transceiver', state: 'bound', window: { used: 0, size: 20 } });
    expect(view.tps.cap).toBe(2_000);
  });

  it('serves a masked PDU trace: numbers masked, no message text', async () => {
    const { entries } = await (await op('/operator/trace?carrier=op&limit=500')).json();
    const submits = entries.filter((e: { command: string }) => e.command === 'submit_sm');
    expect(submits.length).toBe(20);
    expect(submits[0].destination).toMatch(/^\d{5}\*+\d{2}$/);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('kodingiz');
    expect(text).not.toContain('secret');
    expect(entries.some((e: { receipt?: { state: string } }) => e.receipt?.state === 'DELIVRD')).toBe(true);
  });

  it('exposes Prometheus metrics and per carrier and operator delivery reports', async () => {
    const metrics = await op('/operator/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('karvon_carrier_submits_total{carrier="op",outcome="accepted"} 20');
    expect(text).toContain('karvon_carrier_circuit_open{carrier="op"} 0');
    const report = await (await op('/operator/reports/delivery')).json();
    expect(report.rows).toContainEqual({ carrier: 'op', operator: 'beeline', status: 'delivered', count: 20 });
    expect((await op('/operator/reports/delivery?since=yesterday')).status).toBe(422);
  });

  it('pauses a carrier (its messages wait), resumes it (they go), and drains it', async () => {
    expect(await (await op('/operator/carriers/op/pause', { method: 'POST' })).json()).toMatchObject({ paused: true });
    const account = await h.newAccount({ balance: 1_000_000_000 });
    const waiting = await sendLoad(account.client, 5, { tag: 'paused' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const id of waiting) expect((await h.repository.messages.get(account.accountId, id))?.status).toBe('queued');
    const queue = await (await op('/operator/queue')).json();
    expect(queue.accounts).toContainEqual(
      expect.objectContaining({ accountId: account.accountId, status: 'queued', count: 5 }),
    );
    expect(await (await op('/operator/carriers/op/resume', { method: 'POST' })).json()).toMatchObject({
      paused: false,
    });
    for (const id of waiting) expect(await h.waitForStatus(account.accountId, id)).toBe('delivered');
    const drained = await (await op('/operator/carriers/op/drain', { method: 'POST' })).json();
    expect(drained).toMatchObject({ carrier: 'op', paused: true, inFlight: 0 });
    await op('/operator/carriers/op/resume', { method: 'POST' });
    expect((await op('/operator/carriers/nope/pause', { method: 'POST' })).status).toBe(404);
  });

  it('requeues only what may be sent again and says what it skipped', async () => {
    const response = await op('/operator/messages/requeue', {
      method: 'POST',
      body: JSON.stringify({ ids: [ids[0]] }),
    });
    expect(await response.json()).toEqual({ requeued: [], skipped: [ids[0]] });
    expect((await op('/operator/messages/requeue', { method: 'POST', body: JSON.stringify({ ids: [] }) })).status).toBe(
      422,
    );
  });

  it('is not served at all without an operator token', async () => {
    const plain = await startTestGateway('sqlite');
    try {
      expect(
        (await fetch(`${plain.url}/operator/carriers`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
