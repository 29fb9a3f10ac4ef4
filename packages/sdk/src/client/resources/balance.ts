import type { Balance } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import { APIResource } from './api-resource';

/** `client.balance`: the account's balance and recent ledger entries. */
export class BalanceResource extends APIResource {
  get(options?: RequestOptions): APIPromise<Balance> {
    return this.call('balance.get', {}, options);
  }
}
