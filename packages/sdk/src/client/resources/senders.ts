import type { CreateSenderRequest, DeletedResource, ListParams, Sender, SenderId } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

/** `client.senders`: the account's sender IDs and their registration status. */
export class Senders extends APIResource {
  list(params?: ListParams, options?: RequestOptions): PagePromise<Sender> {
    return this.page('senders.list', params, options);
  }

  /** Registers a sender; it starts `pending` where the country requires registration. */
  create(params: CreateSenderRequest, options?: RequestOptions): APIPromise<Sender> {
    return this.call('senders.create', { body: params }, options);
  }

  get(id: SenderId, options?: RequestOptions): APIPromise<Sender> {
    return this.call('senders.get', { params: { id } }, options);
  }

  delete(id: SenderId, options?: RequestOptions): APIPromise<DeletedResource<SenderId>> {
    return this.call('senders.delete', { params: { id } }, options);
  }
}
