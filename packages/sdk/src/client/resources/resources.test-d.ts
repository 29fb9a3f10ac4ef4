import type {
  ApiKeyId,
  Consent,
  CreatedApiKey,
  CreatedWebhookEndpoint,
  DeletedResource,
  Message,
  MessageId,
  OptOutDeleted,
  SenderId,
  TemplateId,
  TemplatePreview,
  WebhookEndpoint,
} from '@karvon/contract';
import { describe, expectTypeOf, it } from 'vitest';
import type { APIPromise } from '../api-promise';
import type { Karvon } from '../karvon';
import type { PagePromise } from '../page';

declare const karvon: Karvon;
declare const messageId: MessageId;
declare const templateId: TemplateId;

describe('resources around the seed', () => {
  it('list() returns a PagePromise that iterates items', async () => {
    expectTypeOf(karvon.messages.list({ status: 'failed' })).toEqualTypeOf<PagePromise<Message>>();
    for await (const message of karvon.messages.list()) expectTypeOf(message).toEqualTypeOf<Message>();
    // @ts-expect-error status filters take known statuses only
    karvon.messages.list({ status: 'read' });
    // @ts-expect-error limit is a number
    karvon.messages.list({ limit: '10' });
  });

  it('id-addressed methods take their own kind of id', () => {
    expectTypeOf(karvon.messages.cancel(messageId)).toEqualTypeOf<APIPromise<Message>>();
    expectTypeOf(karvon.templates.delete(templateId)).toEqualTypeOf<APIPromise<DeletedResource<TemplateId>>>();
    // @ts-expect-error a MessageId is not a TemplateId
    karvon.templates.get(messageId);
    // @ts-expect-error a plain string is not a SenderId
    karvon.senders.get('snd_1');
    expectTypeOf(karvon.apiKeys.revoke).parameter(0).toEqualTypeOf<ApiKeyId>();
    expectTypeOf(karvon.senders.delete).parameter(0).toEqualTypeOf<SenderId>();
  });

  it('create() answers carry their one-time secrets', () => {
    expectTypeOf(karvon.apiKeys.create({ name: 'x', mode: 'live' })).toEqualTypeOf<APIPromise<CreatedApiKey>>();
    expectTypeOf(karvon.webhookEndpoints.create({ url: 'https://e.com' })).toEqualTypeOf<
      APIPromise<CreatedWebhookEndpoint>
    >();
    expectTypeOf<CreatedWebhookEndpoint['secret']>().toEqualTypeOf<string>();
    expectTypeOf<WebhookEndpoint['secret']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error mode is live or test
    karvon.apiKeys.create({ name: 'x', mode: 'prod' });
  });

  it('templates, opt-outs, consents', () => {
    expectTypeOf(karvon.templates.preview({ body: 'Hi {name}', variables: { name: 'A' } })).toEqualTypeOf<
      APIPromise<TemplatePreview>
    >();
    expectTypeOf(karvon.optOuts.delete('+998901234567')).toEqualTypeOf<APIPromise<OptOutDeleted>>();
    expectTypeOf(karvon.consents.revoke('+998901234567')).toEqualTypeOf<APIPromise<Consent>>();
  });
});
