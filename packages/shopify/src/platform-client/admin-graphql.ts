import type { Session } from '@shopify/shopify-api';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';
import { type AdminOperation, operationNameOf } from './admin-operation';
import { CostThrottle, type QueryCost } from './internal/cost-throttle';
import { maskPhones } from './internal/mask-phones';
import { ShopifyPlatformError } from './shopify-platform-error';

/** Runs one typed operation against one shop's Admin API and answers its `data`. */
export type AdminGraphql = <TData, TVariables>(
  operation: AdminOperation<TData, TVariables>,
  // Operations without variables may omit them.
  ...variables: Record<never, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables]
) => Promise<TData>;

export interface AdminGraphqlOptions {
  sessions: { getOfflineSession(shop: string, options?: { rejectedAccessToken?: string }): Promise<Session> };
  apiVersion?: string;
  /** Defaults to the global fetch, looked up per call. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** THROTTLED answers retried before giving up. */
  maxThrottleRetries?: number;
  /** Per HTTP attempt. */
  timeoutMs?: number;
}

interface GraphqlBody {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[] | string;
  extensions?: { cost?: QueryCost };
}

/** When a THROTTLED answer carries no cost data to compute the wait from. */
const FALLBACK_THROTTLE_WAIT_MS = 1000;

/**
 * `adminGraphql(shop)` gives a function that runs operations as that shop's offline session.
 * Throttling is per shop and computed from the cost data Shopify returns in the body (GraphQL
 * throttling sends no Retry-After): before sending, it waits until the estimated bucket holds what
 * the operation last cost; on THROTTLED it waits `(requestedQueryCost − currentlyAvailable) /
 * restoreRate` seconds and retries, up to `maxThrottleRetries`. A 401 refreshes the token once.
 * Mutation `userErrors` are part of the returned data, for the caller to handle.
 */
export function createAdminGraphql(options: AdminGraphqlOptions): (shop: string) => AdminGraphql {
  const apiVersion = options.apiVersion ?? SHOPIFY_ADMIN_API_VERSION;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxThrottleRetries = options.maxThrottleRetries ?? 5;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const throttles = new Map<string, CostThrottle>();

  return (shop) => {
    let throttle = throttles.get(shop);
    if (!throttle) {
      throttle = new CostThrottle(now);
      throttles.set(shop, throttle);
    }
    const bucket = throttle;
    const url = `https://${shop}/admin/api/${apiVersion}/graphql.json`;

    const run = async (operation: string, variables: unknown): Promise<unknown> => {
      const key = operationNameOf(operation) ?? operation;
      let attempts = 0;
      let throttledAnswers = 0;
      let rejectedAccessToken: string | undefined;
      for (;;) {
        for (let wait = bucket.delayFor(key); wait > 0; wait = bucket.delayFor(key)) await sleep(wait);
        bucket.reserve(key);
        const session = await options.sessions.getOfflineSession(
          shop,
          rejectedAccessToken === undefined ? undefined : { rejectedAccessToken },
        );
        attempts += 1;
        const response = await send(doFetch, url, session.accessToken ?? '', operation, variables, timeoutMs, shop);
        if (response.status === 401) {
          if (rejectedAccessToken === undefined) {
            rejectedAccessToken = session.accessToken ?? '';
            continue;
          }
          throw new ShopifyPlatformError({
            code: 'unauthorized',
            shop,
            shopifyStatus: 401,
            attempts,
            message: `Shopify refused the access token of ${shop} even after a refresh`,
          });
        }
        const body = await readBody(response);
        bucket.observe(key, body?.extensions?.cost);
        const codes = errorCodes(body);
        const requested = body?.extensions?.cost?.requestedQueryCost;
        const maximum = bucket.maximumAvailable;
        if (
          codes.includes('MAX_COST_EXCEEDED') ||
          (typeof requested === 'number' && maximum !== undefined && requested > maximum)
        ) {
          throw new ShopifyPlatformError({
            code: 'query_too_expensive',
            shop,
            shopifyStatus: response.status,
            shopifyCodes: codes,
            attempts,
            message: `${key} asks for ${requested ?? 'more'} points, more than the bucket of ${shop} holds (${maximum ?? '?'})`,
          });
        }
        if (codes.includes('THROTTLED') || response.status === 429) {
          const wait = bucket.delayFor(key) || FALLBACK_THROTTLE_WAIT_MS;
          if (throttledAnswers >= maxThrottleRetries) {
            throw new ShopifyPlatformError({
              code: 'throttled',
              shop,
              shopifyStatus: response.status,
              shopifyCodes: codes,
              attempts,
              retryAfterMs: wait,
              retryable: true,
              message: `${key} was still throttled by ${shop} after ${attempts} attempts`,
            });
          }
          throttledAnswers += 1;
          await sleep(wait);
          continue;
        }
        if (!response.ok || body === undefined) {
          throw new ShopifyPlatformError({
            code: 'http_error',
            shop,
            shopifyStatus: response.status,
            attempts,
            retryable: response.status >= 500,
            message: `The Admin API of ${shop} answered ${response.status} to ${key}`,
          });
        }
        if (codes.length > 0 || (body.errors !== undefined && body.errors.length > 0)) {
          throw new ShopifyPlatformError({
            code: 'graphql_error',
            shop,
            shopifyStatus: response.status,
            shopifyCodes: codes,
            attempts,
            message: `${key} failed on ${shop}: ${maskPhones(errorMessages(body))}`,
          });
        }
        return body.data;
      }
    };

    return run as AdminGraphql;
  };
}

async function send(
  doFetch: typeof fetch,
  url: string,
  accessToken: string,
  query: string,
  variables: unknown,
  timeoutMs: number,
  shop: string,
): Promise<Response> {
  try {
    return await doFetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Shopify-Access-Token': accessToken,
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new ShopifyPlatformError({
      code: 'network_error',
      shop,
      retryable: true,
      message: `Could not reach the Admin API of ${shop}`,
    });
  }
}

async function readBody(response: Response): Promise<GraphqlBody | undefined> {
  try {
    const parsed: unknown = await response.json();
    return typeof parsed === 'object' && parsed !== null ? (parsed as GraphqlBody) : undefined;
  } catch {
    return undefined;
  }
}

function errorCodes(body: GraphqlBody | undefined): string[] {
  if (!Array.isArray(body?.errors)) return [];
  return body.errors.flatMap((error) => (typeof error.extensions?.code === 'string' ? [error.extensions.code] : []));
}

function errorMessages(body: GraphqlBody): string {
  if (typeof body.errors === 'string') return body.errors;
  return (body.errors ?? []).map((error) => error.message ?? 'unknown error').join('; ');
}
