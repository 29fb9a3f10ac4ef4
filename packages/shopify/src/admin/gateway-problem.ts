import { APIError, KarvonError } from '@karvon/sdk';
import { AdminApiError } from './admin-error';

/**
 * Turns what the SDK threw while talking to the merchant's gateway into an answer the merchant can
 * act on: a refused key points at the key field, an unreachable gateway at the URL field. Anything
 * that is not a Karvon error is a bug of ours and is rethrown.
 */
export function gatewayProblem(error: unknown): AdminApiError {
  if (APIError.isInstance(error)) {
    if (error.status === 401) return new AdminApiError('invalid_api_key', undefined, { field: 'apiKey' });
    if (error.status === 403) {
      return new AdminApiError(
        'missing_scope',
        `The API key lacks a permission the app needs${error.detail ? `: ${error.detail}` : '.'}`,
        { field: 'apiKey' },
      );
    }
    if (error.code === 'webhook_url_not_allowed') return new AdminApiError('webhook_url_not_allowed');
    const what = `${error.status}${error.code ? ` ${error.code}` : ''}`;
    const detail = error.detail ?? error.title;
    return new AdminApiError(
      'gateway_error',
      `The Karvon gateway answered ${what}${detail ? `: ${detail}` : ''}`,
      error.status === 404 ? { field: 'baseUrl' } : {},
    );
  }
  if (KarvonError.isInstance(error)) return new AdminApiError('gateway_unreachable', undefined, { field: 'baseUrl' });
  throw error;
}
