import type { ListMessagesParams, Message, MessageId, SendMessageRequest, SendMessageResponse } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

export class Messages extends APIResource {
  /**
   * Sends one message or a batch (`{ messages: [...] }`). Resolves with a result per recipient,
   * accepted or rejected; a rejected recipient does not make the call throw.
   */
  send(params: SendMessageRequest, options?: RequestOptions): APIPromise<SendMessageResponse> {
    return this.call('messages.send', { body: params }, options);
  }

  /** A message's current status and history. */
  get(id: MessageId, options?: RequestOptions): APIPromise<Message> {
    return this.call('messages.get', { params: { id } }, options);
  }

  /**
   * Messages, newest first, filtered. Await it for the first page, or iterate every message across
   * pages: `for await (const message of karvon.messages.list({ status: 'failed' }))`.
   */
  list(params?: ListMessagesParams, options?: RequestOptions): PagePromise<Message> {
    return this.page('messages.list', params, options);
  }

  /** Cancels a message that is still `scheduled` or `queued` (409 `cannot_cancel` otherwise). */
  cancel(id: MessageId, options?: RequestOptions): APIPromise<Message> {
    return this.call('messages.cancel', { params: { id } }, options);
  }
}
