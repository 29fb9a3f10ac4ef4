import type {
  ApiKey,
  ApiKeyId,
  CreateApiKeyRequest,
  CreatedApiKey,
  DeletedResource,
  ListParams,
} from '@karvon/contract';
import type { APIPromise } from '../api-promise';
import type { RequestOptions } from '../client-options';
import type { PagePromise } from '../page';
import { APIResource } from './api-resource';

/** `client.apiKeys`: the account's API keys (needs the `keys:write` scope). */
export class ApiKeys extends APIResource {
  /** Keys with their secrets redacted (`kv_live_…WXYZ`). */
  list(params?: ListParams, options?: RequestOptions): PagePromise<ApiKey> {
    return this.page('apiKeys.list', params, options);
  }

  /** Creates a key. Its `secret` is in this answer only: store it now. */
  create(params: CreateApiKeyRequest, options?: RequestOptions): APIPromise<CreatedApiKey> {
    return this.call('apiKeys.create', { body: params }, options);
  }

  /** Revokes a key at once; requests made with it then fail with 401 `invalid_api_key`. */
  revoke(id: ApiKeyId, options?: RequestOptions): APIPromise<DeletedResource<ApiKeyId>> {
    return this.call('apiKeys.revoke', { params: { id } }, options);
  }
}
