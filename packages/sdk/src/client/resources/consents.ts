import type { Consent, CreateConsentRequest, ListConsentsParams } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

/** `client.consents`: recorded consent to marketing messages. */
export class Consents extends APIResource {
  list(params?: ListConsentsParams, options?: RequestOptions): PagePromise<Consent> {
    return this.page('consents.list', params, options);
  }

  /** Records consent with its source and proof. */
  create(params: CreateConsentRequest, options?: RequestOptions): APIPromise<Consent> {
    return this.call('consents.create', { body: params }, options);
  }

  /** Revokes a number's consent; resolves with the record, `revokedAt` set. */
  revoke(phoneNumber: string, options?: RequestOptions): APIPromise<Consent> {
    return this.call('consents.revoke', { params: { phoneNumber } }, options);
  }
}
