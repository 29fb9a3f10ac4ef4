import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook';
import { verifyWebhook } from './verify-webhook';
import { isKnownWebhookEvent } from './webhook-event';
import type { WebhookVerificationError } from './webhook-verification-error';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const now = new Date('2026-11-02T09:15:27Z');

const delivered = {
  id: 'evt_01JD4Z6Q0M8V8P3T6S9K2R7B4N',
  type: 'message.delivered',
  timestamp: '2026-11-02T09:15:27.120Z',
  apiVersion: '2026-11-01',
  data: { messageId: 'msg_01JD4Z5Y7W6X1Q2E3R4T5Y6U7I', status: 'delivered', to: '+998901234567', segments: 1 },
};

async function deliver(body: string | Uint8Array, id = 'evt_1') {
  const headers = await signWebhook({ id, timestamp: now, body, secret: SECRET });
  return { body, headers };
}

describe('verifyWebhook', () => {
  it('returns a known event, typed by its type', async () => {
    const { body, headers } = await deliver(JSON.stringify(delivered));
    const event = await verifyWebhook(body, headers, SECRET, { now });
    expect(event).toEqual(delivered);
    expect(isKnownWebhookEvent(event)).toBe(true);
    if (isKnownWebhookEvent(event) && event.type === 'message.delivered')
      expect(event.data.messageId).toBe('msg_01JD4Z5Y7W6X1Q2E3R4T5Y6U7I');
    else expect.unreachable();
  });

  it('returns an event type it does not know as an unknown event, not an error', async () => {
    const future = { ...delivered, type: 'message.read', data: { messageId: 'msg_1', readAt: '2026-11-02T09:16:00Z' } };
    const { body, headers } = await deliver(JSON.stringify(future));
    const event = await verifyWebhook(body, headers, SECRET, { now });
    expect(event.type).toBe('message.read');
    expect(isKnownWebhookEvent(event)).toBe(false);
    expect(event.data).toEqual(future.data);
  });

  it('reads the event from raw bytes', async () => {
    const { body, headers } = await deliver(new TextEncoder().encode(JSON.stringify(delivered)));
    await expect(verifyWebhook(body, headers, SECRET, { now })).resolves.toEqual(delivered);
  });

  it('verifies the signature before reading the body', async () => {
    const { headers } = await deliver(JSON.stringify(delivered));
    const error = await verifyWebhook('not even json', headers, SECRET, { now }).catch((e: unknown) => e);
    expect((error as WebhookVerificationError).reason).toBe('no_matching_signature');
  });

  it.each([
    ['text that is not JSON', 'OK', 'invalid_json'],
    ['bytes that are not UTF-8', Uint8Array.of(0x7b, 0xff, 0x7d), 'invalid_json'],
    ['a JSON array', '[1,2]', 'invalid_event'],
    ['a JSON null', 'null', 'invalid_event'],
    ['an object without a type', '{"id":"evt_1"}', 'invalid_event'],
    ['an object whose type is not a string', '{"type":42}', 'invalid_event'],
  ] as const)('rejects a correctly signed body holding %s', async (_name, raw, reason) => {
    const { body, headers } = await deliver(raw);
    const error = await verifyWebhook(body, headers, SECRET, { now }).catch((e: unknown) => e);
    expect((error as WebhookVerificationError).reason).toBe(reason);
  });

  it('uses a five-minute tolerance by default', async () => {
    const { body, headers } = await deliver(JSON.stringify(delivered));
    const later = new Date(now.getTime() + 301_000);
    const error = await verifyWebhook(body, headers, SECRET, { now: later }).catch((e: unknown) => e);
    expect((error as WebhookVerificationError).reason).toBe('timestamp_too_old');
    await expect(verifyWebhook(body, headers, SECRET, { now: later, toleranceSec: 600 })).resolves.toBeTruthy();
  });
});
