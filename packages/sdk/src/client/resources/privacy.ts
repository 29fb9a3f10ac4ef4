import type { PrivacyErasure, PrivacyExport, PrivacyRequest } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import { APIResource } from './api-resource';

/** `client.privacy`: data-subject requests by phone number (access and erasure). */
export class Privacy extends APIResource {
  /** Everything the account holds about a number: messages, opt-outs, consents. */
  export(params: PrivacyRequest, options?: RequestOptions): APIPromise<PrivacyExport> {
    return this.call('privacy.export', { body: params }, options);
  }

  /** Erases the number's messages (bodies and the number itself); resolves with how many. */
  erase(params: PrivacyRequest, options?: RequestOptions): APIPromise<PrivacyErasure> {
    return this.call('privacy.erase', { body: params }, options);
  }
}
