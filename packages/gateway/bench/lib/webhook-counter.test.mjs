import { generateWebhookSecret, signWebhook } from '@karvon/sdk/webhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookCounter } from './webhook-counter.mjs';

const body = (id, messageId, type = 'message.delivered') =>
  JSON.stringify({ id, type, timestamp: new Date().toISOString(), data: { messageId, status: 'delivered' } });

async function deliver(url, { id, payload, secret }) {
  const headers = await signWebhook({ id, body: payload, secret });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  });
  return response.status;
}

describe('startWebhookCounter', () => {
  let counter;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('counts distinct webhook-ids and reports a redelivered one as a duplicate', async () => {
    counter = await startWebhookCounter({ verifyEvery: 1 });
    const secret = generateWebhookSecret();
    counter.setSecret(secret);
    expect(await deliver(counter.url, { id: 'evt_1', payload: body('evt_1', 'msg_1'), secret })).toBe(204);
    await deliver(counter.url, { id: 'evt_2', payload: body('evt_2', 'msg_2'), secret });
    await deliver(counter.url, { id: 'evt_1', payload: body('evt_1', 'msg_1'), secret });
    expect(counter.count()).toBe(2);
    await counter.close();
    const summary = counter.summary();
    counter = undefined;
    expect(summary).toMatchObject({
      received: 3,
      distinctIds: 2,
      duplicates: 1,
      distinctMessages: 2,
      otherTypes: 0,
      verified: 3,
      verifyFailures: 0,
    });
  });

  it('counts a sampled delivery signed with another secret as a verification failure', async () => {
    counter = await startWebhookCounter({ verifyEvery: 2 });
    counter.setSecret(generateWebhookSecret());
    const wrong = generateWebhookSecret();
    // The 1st and 3rd are sampled; all three are signed with the wrong secret.
    for (const n of [1, 2, 3])
      await deliver(counter.url, { id: `evt_${n}`, payload: body(`evt_${n}`, `msg_${n}`), secret: wrong });
    await counter.close();
    const summary = counter.summary();
    counter = undefined;
    expect(summary.verified).toBe(2);
    expect(summary.verifyFailures).toBe(2);
    expect(summary.firstFailure).toMatch(/WebhookVerificationError/);
  });

  it('counts events of other types apart', async () => {
    counter = await startWebhookCounter();
    const secret = generateWebhookSecret();
    counter.setSecret(secret);
    await deliver(counter.url, { id: 'evt_9', payload: body('evt_9', 'msg_9', 'message.failed'), secret });
    expect(counter.summary().otherTypes).toBe(1);
  });
});
