import type { InboundMessageData, KnownWebhookEvent, MessageEventData, OptOutChangedData } from '@karvon/contract';
import { describe, expectTypeOf, it } from 'vitest';
import { verifyWebhook } from './verify-webhook';
import type { VerifiedWebhookSignature } from './verify-webhook-signature';
import { verifyWebhookSignature } from './verify-webhook-signature';
import type { UnknownEvent, WebhookEvent } from './webhook-event';
import { isKnownWebhookEvent } from './webhook-event';

declare const event: WebhookEvent;

describe('WebhookEvent', () => {
  it('narrows every known type in a switch once unknown types are set aside', () => {
    if (!isKnownWebhookEvent(event)) {
      expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
      expectTypeOf(event.data).toEqualTypeOf<Record<string, unknown>>();
      return;
    }
    switch (event.type) {
      case 'message.delivered':
      case 'message.failed':
        expectTypeOf(event.data).toEqualTypeOf<MessageEventData>();
        expectTypeOf(event.type).toEqualTypeOf<'message.delivered' | 'message.failed'>();
        break;
      case 'message.inbound':
        expectTypeOf(event.data).toEqualTypeOf<InboundMessageData>();
        break;
      case 'opt_out.changed':
        expectTypeOf(event.data.optedOut).toEqualTypeOf<boolean>();
        expectTypeOf(event.data).toEqualTypeOf<OptOutChangedData>();
        break;
      default:
        expectTypeOf(event.type).toEqualTypeOf<
          | 'message.queued'
          | 'message.sent'
          | 'message.bounced'
          | 'message.expired'
          | 'message.canceled'
          | 'message.unknown'
        >();
    }
  });

  it('keeps an unknown event readable as an envelope', () => {
    const unknown = {} as UnknownEvent;
    expectTypeOf(unknown.type).toExtend<string>();
    expectTypeOf(unknown.id).toExtend<string>();
  });
});

describe('verifyWebhook signatures', () => {
  it('returns a promise of WebhookEvent and accepts every header and body shape', () => {
    expectTypeOf(verifyWebhook('{}', new Headers(), 'whsec_x')).toEqualTypeOf<Promise<WebhookEvent>>();
    expectTypeOf(
      verifyWebhookSignature(new Uint8Array(), { 'webhook-id': ['a'], host: 'x' }, ['a', 'b'], { now: new Date() }),
    ).toEqualTypeOf<Promise<VerifiedWebhookSignature>>();
    expectTypeOf<KnownWebhookEvent>().toExtend<WebhookEvent>();
    // @ts-expect-error a parsed object is not a raw body
    verifyWebhook({ type: 'message.sent' }, new Headers(), 'whsec_x');
    // @ts-expect-error toleranceSec is a number of seconds
    verifyWebhook('{}', new Headers(), 'whsec_x', { toleranceSec: '300' });
  });
});
