import type { Health, Readiness } from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import { APIResource } from './api-resource';

/** `client.health`: liveness and readiness of the gateway. */
export class HealthResource extends APIResource {
  /** `GET /health`: resolves while the gateway process is up. */
  get(options?: RequestOptions): APIPromise<Health> {
    return this.call('health.get', {}, options);
  }

  /**
   * `GET /ready`: resolves with the checks when the gateway can serve traffic. A gateway that is not
   * ready answers 503, which throws; a probe wants the answer now, so this call does not retry
   * unless `maxRetries` is given.
   */
  ready(options?: RequestOptions): APIPromise<Readiness> {
    return this.call('health.ready', {}, { maxRetries: 0, ...options });
  }
}
