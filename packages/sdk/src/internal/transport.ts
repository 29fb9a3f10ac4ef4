import { API_VERSION_HEADER, LATEST_API_VERSION, type Page as WirePage } from '@karvon/contract';
import ky from 'ky';
import { APIPromise, type WithResponse } from '../client/api-promise';
import type { FetchLike, KarvonOptions, Logger, RequestOptions } from '../client/client-options';
import type { KarvonHooks } from '../client/hooks';
import { Page, PagePromise } from '../client/page';
import { AbortError } from '../errors/abort-error';
import { APIError } from '../errors/api-error';
import { ConnectionError, TimeoutError } from '../errors/connection-error';
import { KarvonError } from '../errors/karvon-error';
import { ResponseValidationError } from '../errors/response-validation-error';
import type { ResponseSchemaName, ResponseValidator } from '../validation/response-validator';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { errorFromResponse } from './error-from-response';
import type { InternalOptions } from './internal-options';
import { parseRateLimitDelay } from './parse-rate-limit';
import { parseRetryAfter } from './parse-retry-after';
import { randomUUID } from './random-uuid';
import { redactBody, redactHeaders } from './redact';
import { sleep as realSleep } from './sleep';
import { SDK_VERSION } from './version';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below baseUrl, already encoded, e.g. `/status/msg_123`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** With `validateResponses`, the contract schema the 2xx body must match. */
  schema?: ResponseSchemaName;
}

const REQUEST_ID_HEADERS = ['karvon-request-id', 'x-request-id'];

/**
 * The one seam between the client and HTTP: builds headers, runs the retry loop around ky (whose own
 * retries and timeout are off), converts every foreign failure into the KarvonError tree.
 */
export class Transport {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly apiVersion: string;
  readonly #apiKey: KarvonOptions['apiKey'];
  readonly #fetch: FetchLike;
  readonly #hooks: KarvonHooks;
  readonly #logger: Logger | undefined;
  readonly #validate: ResponseValidator | undefined;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #backoff: BackoffPolicy;

  constructor(options: KarvonOptions, internal: InternalOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? 2;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.apiVersion = options.apiVersion ?? LATEST_API_VERSION;
    this.#apiKey = options.apiKey;
    // Looked up per call, not captured, so a fetch polyfilled after construction is still used.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#hooks = options.hooks ?? {};
    this.#logger = options.logger;
    this.#validate = options.validateResponses;
    this.#sleep = internal.sleep ?? realSleep;
    this.#random = internal.random ?? Math.random;
    this.#backoff = { ...DEFAULT_BACKOFF, ...internal.backoff };
  }

  request<T>(spec: RequestSpec, options: RequestOptions = {}): APIPromise<T> {
    return new APIPromise(this.#execute<T>(spec, options));
  }

  /** A cursor-paginated GET: `{ data, nextCursor }`, the next page requested with `?cursor=`. */
  requestPage<T>(spec: RequestSpec, options: RequestOptions = {}): PagePromise<T> {
    const fetchPage = (cursor: string | undefined): PagePromise<T> =>
      new PagePromise(
        this.#execute<WirePage<T>>(
          // The first page keeps a cursor the caller gave; later pages follow nextCursor.
          cursor === undefined ? spec : { ...spec, query: { ...spec.query, cursor } },
          options,
        ).then((result) => ({
          ...result,
          data: new Page(result.data, fetchPage),
        })),
      );
    return fetchPage(undefined);
  }

  /**
   * Opens a long-lived GET (Server-Sent Events) and hands back the response once its headers are in:
   * the body is the caller's to read. The timeout covers the headers only; errors map as for
   * `request`, with no retries (the stream's reader reconnects on its own terms).
   */
  async openStream(
    spec: RequestSpec & { method: 'GET' },
    options: RequestOptions & { accept: string },
  ): Promise<Response> {
    const url = this.#url(spec);
    const headers: Record<string, string> = {
      Accept: options.accept,
      Authorization: `Bearer ${await this.#resolveApiKey()}`,
      [API_VERSION_HEADER]: this.apiVersion,
      'Karvon-SDK': `js/${SDK_VERSION}`,
      ...options.headers,
    };
    this.#logger?.debug?.('karvon: stream', { method: spec.method, url, headers: redactHeaders(headers) });
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const callerSignal = options.signal;
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    if (callerSignal?.aborted) forwardAbort();
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });
    let response: Response;
    try {
      response = await ky(url, {
        method: 'GET',
        headers,
        signal: controller.signal,
        fetch: this.#fetch,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
      });
    } catch (cause) {
      callerSignal?.removeEventListener('abort', forwardAbort);
      if (callerSignal?.aborted) throw new AbortError(callerSignal.reason);
      if (timedOut) throw new TimeoutError(timeoutMs);
      throw new ConnectionError(undefined, { cause });
    } finally {
      clearTimeout(timer);
    }
    // On success the caller's signal keeps cancelling the body (pass a signal per stream).
    if (!response.ok) {
      callerSignal?.removeEventListener('abort', forwardAbort);
      const text = await response.text().catch(() => '');
      const retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after')) ?? parseRateLimitDelay(response.headers);
      throw errorFromResponse(response.status, text, readRequestId(response.headers), retryAfterMs);
    }
    return response;
  }

  /** The wait before reconnecting a dropped stream: the retry loop's full-jitter backoff, or what the server asked. */
  async pauseBeforeReconnect(retry: number, signal?: AbortSignal, atLeastMs = 0): Promise<void> {
    const delayMs = Math.max(atLeastMs, backoffDelay(retry, this.#random, this.#backoff));
    await this.#sleep(Math.min(delayMs, this.#backoff.maxRetryAfterMs), signal);
  }

  async #execute<T>(spec: RequestSpec, options: RequestOptions): Promise<WithResponse<T>> {
    // One key per call, made before the first attempt and sent on every retry, even with retries off,
    // so the gateway can deduplicate a POST whose response was lost.
    const idempotencyKey = options.idempotencyKey ?? (spec.method === 'POST' ? randomUUID() : undefined);
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const url = this.#url(spec);
    const signal = options.signal;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new AbortError(signal.reason);
      let error: KarvonError;
      try {
        return await this.#attempt<T>(spec, url, attempt, idempotencyKey, options);
      } catch (caught) {
        if (!KarvonError.isInstance(caught)) throw caught;
        error = caught;
      }
      if (APIError.isInstance(error) || ConnectionError.isInstance(error)) {
        error.attempts = attempt;
        error.idempotencyKey = idempotencyKey;
      }
      if (attempt > maxRetries || !isRetryable(error)) throw error;

      const serverDelay = APIError.isInstance(error) ? error.retryAfterMs : undefined;
      // Retrying before the server's deadline only earns another 429; waiting that long inside a
      // call is not ours to decide. Hand the caller the error with retryAfterMs instead.
      if (serverDelay !== undefined && serverDelay > this.#backoff.maxRetryAfterMs) throw error;
      const delayMs = serverDelay ?? backoffDelay(attempt - 1, this.#random, this.#backoff);

      this.#logger?.warn?.('karvon: retrying request', {
        method: spec.method,
        url,
        attempt,
        delayMs,
        error: error.name,
      });
      await this.#emit('onRetry', { method: spec.method, url, attempt, delayMs, error, idempotencyKey });
      try {
        await this.#sleep(delayMs, signal);
      } catch (reason) {
        if (signal?.aborted) throw new AbortError(signal.reason);
        throw reason;
      }
    }
  }

  async #attempt<T>(
    spec: RequestSpec,
    url: string,
    attempt: number,
    idempotencyKey: string | undefined,
    options: RequestOptions,
  ): Promise<WithResponse<T>> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${await this.#resolveApiKey()}`,
      [API_VERSION_HEADER]: this.apiVersion,
      // Browsers forbid setting User-Agent from scripts; this one identifies the SDK everywhere.
      'Karvon-SDK': `js/${SDK_VERSION}`,
    };
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, options.headers);

    const redactedHeaders = redactHeaders(headers);
    const redactedBody = spec.body === undefined ? undefined : redactBody(spec.body);
    this.#logger?.debug?.('karvon: request', { method: spec.method, url, attempt, headers: redactedHeaders });
    await this.#emit('onRequest', {
      method: spec.method,
      url,
      attempt,
      headers: redactedHeaders,
      body: redactedBody,
      idempotencyKey,
    });

    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const callerSignal = options.signal;
    const forwardAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });

    const started = Date.now();
    let response: Response;
    let text: string;
    try {
      response = await ky(url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: controller.signal,
        fetch: this.#fetch,
        // This loop owns retries, timeouts and error mapping.
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
      });
      // Still under the attempt's timer: a server that sends headers and then stalls times out too.
      text = await response.text();
    } catch (cause) {
      if (callerSignal?.aborted) throw new AbortError(callerSignal.reason);
      if (timedOut) throw new TimeoutError(timeoutMs);
      throw new ConnectionError(undefined, { cause });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }

    const requestId = readRequestId(response.headers);
    this.#logger?.debug?.('karvon: response', {
      method: spec.method,
      url,
      attempt,
      status: response.status,
      requestId,
    });
    await this.#emit('onResponse', {
      method: spec.method,
      url,
      attempt,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      requestId,
      durationMs: Date.now() - started,
    });

    if (!response.ok) {
      const retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after')) ?? parseRateLimitDelay(response.headers);
      throw errorFromResponse(response.status, text, requestId, retryAfterMs);
    }

    let data: unknown;
    if (text !== '') {
      try {
        data = JSON.parse(text);
      } catch {
        throw new APIError({ status: response.status, detail: 'The response body was not JSON', requestId });
      }
    }
    if (this.#validate && spec.schema) {
      const issues = this.#validate(spec.schema, data);
      if (issues.length > 0) throw new ResponseValidationError(issues, requestId);
    }
    return { data: data as T, response, requestId };
  }

  async #resolveApiKey(): Promise<string> {
    if (typeof this.#apiKey === 'string') return this.#apiKey;
    let key: string;
    try {
      key = await this.#apiKey();
    } catch (cause) {
      throw new KarvonError('The apiKey provider failed', { cause });
    }
    if (typeof key !== 'string' || key === '') throw new KarvonError('The apiKey provider returned no key');
    return key;
  }

  async #emit<K extends keyof KarvonHooks>(name: K, event: Parameters<NonNullable<KarvonHooks[K]>>[0]): Promise<void> {
    const hook = this.#hooks[name] as ((event: unknown) => void | Promise<void>) | undefined;
    if (!hook) return;
    try {
      await hook(event);
    } catch (error) {
      this.#logger?.warn?.(`karvon: ${name} hook threw`, { error });
    }
  }

  #url(spec: RequestSpec): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const query = search.toString();
    return `${this.baseUrl}${spec.path}${query ? `?${query}` : ''}`;
  }
}

/** Connection errors and timeouts, 408, 409 idempotency_key_in_use, 429 and 5xx; nothing else. */
function isRetryable(error: KarvonError): boolean {
  if (ConnectionError.isInstance(error)) return true;
  if (!APIError.isInstance(error)) return false;
  const { status, code } = error;
  if (status === 409) return code === 'idempotency_key_in_use';
  return status === 408 || status === 429 || status >= 500;
}

function readRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
