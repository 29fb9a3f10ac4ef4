import type { Message, MessageId, SendMessageResponse, TemplateId } from '@karvon/contract';
import { describe, expectTypeOf, it } from 'vitest';
import type { APIPromise, WithResponse } from '../api-promise';
import { Karvon } from '../karvon';

declare const karvon: Karvon;
declare const messageId: MessageId;
declare const templateId: TemplateId;

describe('messages', () => {
  it('get() takes a MessageId, not another kind of id or a plain string', () => {
    expectTypeOf(karvon.messages.get(messageId)).toEqualTypeOf<APIPromise<Message>>();
    // @ts-expect-error a TemplateId is not a MessageId
    karvon.messages.get(templateId);
    // @ts-expect-error a plain string must be parsed into a MessageId first
    karvon.messages.get('msg_123');
  });

  it('send() resolves to per-recipient results, narrowed by status', async () => {
    const response = await karvon.messages.send({ to: '+998901234567', body: 'Hi' });
    expectTypeOf(response).toEqualTypeOf<SendMessageResponse>();
    const first = response.results[0];
    if (first?.status === 'accepted') {
      expectTypeOf(first.id).toEqualTypeOf<MessageId>();
      expectTypeOf(first.segments).toEqualTypeOf<number>();
    } else if (first?.status === 'rejected') {
      expectTypeOf(first.error.detail).toEqualTypeOf<string>();
      // @ts-expect-error a rejected recipient has no message id
      first.id;
    }
  });

  it('send() takes a batch too', () => {
    karvon.messages.send({
      messages: [
        { to: '+998901234567', body: 'a' },
        { to: '+998901234568', body: 'b' },
      ],
    });
  });

  it('withResponse() adds the response and request id', () => {
    expectTypeOf(karvon.messages.send({ to: '+998901234567', body: 'Hi' }).withResponse()).toEqualTypeOf<
      Promise<WithResponse<SendMessageResponse>>
    >();
  });

  it('per-call options are typed', () => {
    karvon.messages.send(
      { to: '+998901234567', body: 'Hi' },
      { idempotencyKey: 'k', timeoutMs: 1, maxRetries: 0, signal: AbortSignal.timeout(1), headers: { a: 'b' } },
    );
    // @ts-expect-error unknown option
    karvon.messages.send({ to: '+998901234567', body: 'Hi' }, { retries: 3 });
  });
});

describe('Karvon options', () => {
  it('accepts a string key or a token provider', () => {
    new Karvon({ apiKey: 'kv_test_x', baseUrl: 'http://localhost' });
    new Karvon({ apiKey: async () => 'token', baseUrl: 'http://localhost' });
    // @ts-expect-error baseUrl is required (Karvon is self-hosted)
    new Karvon({ apiKey: 'kv_test_x' });
  });
});
