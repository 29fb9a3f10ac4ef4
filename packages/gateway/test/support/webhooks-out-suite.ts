import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, startDeliveryHarness, startSimulatedCarrier } from './delivery-harness';
import { sendLoad } from './fault-tally';
import type { Backend } from './start-test-gateway';
import { startWebhookReceiver } from './webhook-receiver';

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Outgoing webhooks end to end, on either database. */
export function webhooksOutSuite(backend: Backend): void {
  describe(`outgoing webhooks (${backend})`, () => {
    let h: DeliveryHarness | undefined;
    const closers: (() => Promise<void>)[] = [];
    afterEach(async () => {
      await h?.close();
      h = undefined;
      for (const close of closers.splice(0)) await close();
    });

    it('SDK → gateway → SMPP → simulator → receipt → status → signed webhooks the SDK verifies, in order', async () => {
      let secret = '';
      const receiver = await startWebhookReceiver({ secret: () => secret });
      closers.push(receiver.close);
      const carrier = await startSimulatedCarrier('hooks');
      h = await startDeliveryHarness(backend, [carrier], {
        gateway: { allowPrivateWebhookUrls: true, webhooks: { pollMs: 20 } },
      });
      const account = await h.newAccount();
      const endpoint = await account.client.webhookEndpoints.create({ url: receiver.url });
      secret = endpoint.secret;
      const sent = await account.client.messages.send({
        to: '+998901234567',
        body: 'Salom!',
        clientReference: 'order-1',
      });
      const result = sent.results[0];
      if (result?.status !== 'accepted') throw new Error('not accepted');
      expect(await h.waitForStatus(account.accountId, result.id)).toBe('delivered');
      await until(() => receiver.received.length >= 3);
      expect(receiver.rejected()).toBe(0);
      // Deliveries run side by side and may arrive in any order: the sequence puts them back.
      const mine = receiver.received
        .filter((e) => e.messageId === result.id)
        .sort((x, y) => (x.sequence ?? 0) - (y.sequence ?? 0));
      expect(mine.map((e) => [e.type, e.sequence])).toEqual([
        ['message.queued', 0],
        ['message.sent', 1],
        ['message.delivered', 2],
      ]);
      expect(new Set(mine.map((e) => e.webhookId)).size).toBe(3);
      // The attempt is logged just after the receiver answered.
      const logged = () =>
        h?.repository.outbox.attempts(account.accountId, endpoint.id, { limit: 10 }) ?? Promise.resolve([]);
      await until(async () => (await logged()).length >= 3);
      const attempts = await logged();
      expect(attempts).toHaveLength(3);
      expect(attempts.every((a) => a.statusCode === 204)).toBe(true);
    });

    it('a receiver down for hours of (simulated) time gets every event once per webhook-id when it is back', async () => {
      let offset = 0;
      const now = () => Date.now() + offset;
      let secret = '';
      const receiver = await startWebhookReceiver({ secret: () => secret, now: () => new Date(now()) });
      closers.push(receiver.close);
      const carrier = await startSimulatedCarrier('down');
      h = await startDeliveryHarness(backend, [carrier], {
        gateway: { allowPrivateWebhookUrls: true, now, webhooks: { pollMs: 20 } },
      });
      const account = await h.newAccount({ balance: 1_000_000_000 });
      const endpoint = await account.client.webhookEndpoints.create({ url: receiver.url });
      secret = endpoint.secret;
      await receiver.down();
      const ids = await sendLoad(account.client, 10, { tag: 'down' });
      for (const id of ids) expect(await h.waitForStatus(account.accountId, id)).toBe('delivered');
      const sender = h.gateway.webhookSender;
      // Retries at +5 s, +5 min, +30 min, +2 h, +5 h: all refused while the receiver is down.
      for (const step of [0, 5_000, 300_000, 1_800_000, 7_200_000]) {
        offset += step + 1_000;
        await sender?.runOnce();
      }
      expect(receiver.received).toHaveLength(0);
      const failedSoFar = await h.repository.outbox.attempts(account.accountId, endpoint.id, { limit: 1_000 });
      expect(failedSoFar.length).toBeGreaterThanOrEqual(30 * 5 - 30);
      expect((await h.repository.outbox.health(account.accountId, endpoint.id))?.failingSince).not.toBeNull();
      await receiver.up();
      offset += 18_000_000 + 1_000; // the 10 h retry comes due
      await until(async () => {
        await sender?.runOnce();
        return receiver.received.length >= 30;
      });
      await sender?.runOnce();
      const byId = new Map<string, number>();
      for (const e of receiver.received) byId.set(e.webhookId, (byId.get(e.webhookId) ?? 0) + 1);
      expect(receiver.received).toHaveLength(30);
      expect([...byId.values()].every((n) => n === 1)).toBe(true);
      // Verifiable order: per message, the sequences are 0, 1, 2 once sorted, whatever order they came in.
      for (const id of ids) {
        const seqs = receiver.received.filter((e) => e.messageId === id).map((e) => e.sequence);
        expect(seqs.sort()).toEqual([0, 1, 2]);
      }
      expect((await h.repository.outbox.health(account.accountId, endpoint.id))?.failingSince).toBeNull();
    });

    it('one endpoint hanging does not hold up another account’s events', async () => {
      let secretA = '';
      let secretB = '';
      const hanging = await startWebhookReceiver({ secret: () => secretA });
      const healthy = await startWebhookReceiver({ secret: () => secretB });
      closers.push(hanging.close, healthy.close);
      hanging.setMode('hang');
      const carrier = await startSimulatedCarrier('iso');
      h = await startDeliveryHarness(backend, [carrier], {
        gateway: { allowPrivateWebhookUrls: true, webhooks: { pollMs: 20, timeoutMs: 30_000, perEndpoint: 4 } },
      });
      const a = await h.newAccount({ balance: 1_000_000_000 });
      const b = await h.newAccount({ balance: 1_000_000_000 });
      secretA = (await a.client.webhookEndpoints.create({ url: hanging.url })).secret;
      secretB = (await b.client.webhookEndpoints.create({ url: healthy.url })).secret;
      await sendLoad(a.client, 30, { tag: 'hang' });
      const started = Date.now();
      const bIds = await sendLoad(b.client, 5, { tag: 'flow' });
      await until(() => healthy.received.length >= 15, 8_000);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(new Set(healthy.received.map((e) => e.messageId))).toEqual(new Set(bIds));
      expect(hanging.received).toHaveLength(0);
    });

    it('signs with both secrets during a rotation, and replays an event with the same webhook-id', async () => {
      let secrets: string[] = [];
      const receiver = await startWebhookReceiver({ secret: () => secrets[0] ?? '' });
      closers.push(receiver.close);
      const carrier = await startSimulatedCarrier('rotate');
      h = await startDeliveryHarness(backend, [carrier], {
        gateway: { allowPrivateWebhookUrls: true, webhooks: { pollMs: 20 } },
      });
      const account = await h.newAccount();
      const endpoint = await account.client.webhookEndpoints.create({
        url: receiver.url,
        events: ['message.delivered'],
      });
      secrets = [endpoint.secret];
      await h.repository.outbox.rotateSecret({
        accountId: account.accountId,
        endpointId: endpoint.id,
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        graceUntil: Date.now() + 3_600_000,
      });
      const [id] = await sendLoad(account.client, 1, { tag: 'rotate' });
      await until(() => receiver.received.length >= 1);
      // The old secret still verifies (the receiver has not switched yet); two signatures were sent.
      expect(receiver.received[0]).toMatchObject({ type: 'message.delivered', messageId: id, signatures: 2 });
      secrets = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'];
      const replayed = await h.repository.outbox.replay({
        accountId: account.accountId,
        endpointId: endpoint.id,
        eventId: receiver.received[0]?.webhookId as string,
        now: Date.now(),
      });
      expect(replayed).toBe(1);
      await until(() => receiver.received.length >= 2);
      expect(receiver.received[1]?.webhookId).toBe(receiver.received[0]?.webhookId);
      expect(receiver.rejected()).toBe(0);
    });

    it('sends a message’s events to its callbackUrl, signed with the account’s endpoint secret', async () => {
      let secret = '';
      const hooks = await startWebhookReceiver({ secret: () => secret });
      const callbacks = await startWebhookReceiver({ secret: () => secret });
      closers.push(hooks.close, callbacks.close);
      const carrier = await startSimulatedCarrier(`cb${backend.slice(0, 2)}`);
      h = await startDeliveryHarness(backend, [carrier], {
        gateway: { allowPrivateWebhookUrls: true, webhooks: { pollMs: 20 } },
      });
      const account = await h.newAccount();
      secret = (await account.client.webhookEndpoints.create({ url: hooks.url, events: ['message.delivered'] })).secret;
      const sent = await account.client.messages.send({
        to: '+998901234567',
        body: 'Salom',
        callbackUrl: callbacks.url,
      });
      const result = sent.results[0];
      if (result?.status !== 'accepted') throw new Error('not accepted');
      await until(() => callbacks.received.length >= 3 && hooks.received.length >= 1);
      expect(callbacks.received.map((e) => e.type).sort()).toEqual([
        'message.delivered',
        'message.queued',
        'message.sent',
      ]);
      expect(callbacks.received.every((e) => e.messageId === result.id)).toBe(true);
      expect(hooks.received.map((e) => e.type)).toEqual(['message.delivered']);
      expect(callbacks.rejected() + hooks.rejected()).toBe(0);
    });
  });
}
