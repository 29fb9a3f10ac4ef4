import type { CreateOptOutRequest, ListOptOutsParams, OptOut, OptOutDeleted } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

/** `client.optOuts`: numbers that must not receive marketing messages. */
export class OptOuts extends APIResource {
  list(params?: ListOptOutsParams, options?: RequestOptions): PagePromise<OptOut> {
    return this.page('optOuts.list', params, options);
  }

  /** Records an opt-out (from your own STOP handling, a form, a platform). */
  create(params: CreateOptOutRequest, options?: RequestOptions): APIPromise<OptOut> {
    return this.call('optOuts.create', { body: params }, options);
  }

  /** Removes an opt-out (the recipient opted back in). `phoneNumber` in E.164. */
  delete(phoneNumber: string, options?: RequestOptions): APIPromise<OptOutDeleted> {
    return this.call('optOuts.delete', { params: { phoneNumber } }, options);
  }
}
