import { describe, expect, it } from 'vitest';
import { isKnownWebhookEvent, type WebhookEvent, webhookEventSchema } from './webhook-event';
import { MESSAGE_WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from './webhook-event-types';

const envelope = { id: 'evt_01JD3Y8Z6W4K1N2P3Q4R5S6T7V', timestamp: '2026-11-01T09:30:00Z', apiVersion: '2026-11-01' };
const messageData = { messageId: 'msg_1', status: 'delivered', to: '+998901234567', segments: 1 };

describe('webhook events', () => {
  it('lists the agreed event types', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([
      'message.queued',
      'message.sent',
      'message.delivered',
      'message.failed',
      'message.bounced',
      'message.expired',
      'message.canceled',
      'message.unknown',
      'message.inbound',
      'opt_out.changed',
    ]);
  });

  it.each(MESSAGE_WEBHOOK_EVENT_TYPES)('validates %s with message data', (type) => {
    expect(webhookEventSchema.safeParse({ ...envelope, type, data: messageData }).success).toBe(true);
    expect(webhookEventSchema.safeParse({ ...envelope, type, data: { to: 'x' } }).success).toBe(false);
  });

  it('validates inbound messages and opt-out changes', () => {
    const inbound = { id: 'msg_2', from: '+998901234567', to: '1234', body: 'STOP', receivedAt: envelope.timestamp };
    expect(webhookEventSchema.safeParse({ ...envelope, type: 'message.inbound', data: inbound }).success).toBe(true);
    const optOut = {
      phoneNumber: '+998901234567',
      optedOut: true,
      keyword: 'STOP',
      source: 'keyword',
      changedAt: envelope.timestamp,
    };
    expect(webhookEventSchema.safeParse({ ...envelope, type: 'opt_out.changed', data: optOut }).success).toBe(true);
    expect(webhookEventSchema.safeParse({ ...envelope, type: 'opt_out.changed', data: messageData }).success).toBe(
      false,
    );
  });

  it('passes event types, statuses and fields from a newer gateway', () => {
    const future = { ...envelope, type: 'number.ported', data: { phoneNumber: '+1' }, extra: true };
    expect(webhookEventSchema.safeParse(future).success).toBe(true);
    const newStatus = { ...envelope, type: 'message.delivered', data: { ...messageData, status: 'read', readAt: 'x' } };
    expect(webhookEventSchema.parse(newStatus)).toMatchObject({ data: { status: 'read', readAt: 'x' } });
  });

  it('still checks the envelope of unknown events', () => {
    expect(webhookEventSchema.safeParse({ ...envelope, id: 'msg_1', type: 'x.y', data: {} }).success).toBe(false);
    expect(webhookEventSchema.safeParse({ ...envelope, type: 'x.y' }).success).toBe(false);
  });

  it('narrows known events by type', () => {
    const event = webhookEventSchema.parse({ ...envelope, type: 'message.bounced', data: messageData }) as WebhookEvent;
    expect(isKnownWebhookEvent(event)).toBe(true);
    if (isKnownWebhookEvent(event) && event.type === 'message.bounced') expect(event.data.messageId).toBe('msg_1');
    expect(isKnownWebhookEvent({ ...envelope, type: 'x.y', data: {} } as unknown as WebhookEvent)).toBe(false);
  });
});
