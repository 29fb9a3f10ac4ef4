import type { ResponseValidator } from '../validation/response-validator';
import type { KarvonHooks } from './hooks';

/** A static API key, or a function returning a (possibly rotated) token; it is called on every attempt. */
export type ApiKeySource = string | (() => string | Promise<string>);

/** Anything with console-like `debug`/`warn`; `console` itself works. Receives redacted data only. */
export interface Logger {
  debug?: (message: string, context?: Record<string, unknown>) => void;
  warn?: (message: string, context?: Record<string, unknown>) => void;
}

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface KarvonOptions {
  /** `kv_live_…` / `kv_test_…`, or an async token provider. */
  apiKey: ApiKeySource;
  /** Your gateway, e.g. `https://sms.example.com` (Karvon is self-hosted). */
  baseUrl: string;
  /** Per attempt, including reading the body. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  logger?: Logger;
  /** The `Karvon-Version` to request. Defaults to the contract's latest version when this SDK was built. */
  apiVersion?: string;
  /** Allow a string key in a browser page, where anyone can read it. Prefer a token provider there. */
  dangerouslyAllowBrowser?: boolean;
  hooks?: KarvonHooks;
  /**
   * Check 2xx bodies, e.g. with `contractResponseValidator` from `@karvon/sdk/validation`. Off by default:
   * the client never rejects a response for fields or enum values it does not know.
   */
  validateResponses?: ResponseValidator;
}

/** Per-call overrides. */
export interface RequestOptions {
  /** Sent as `Idempotency-Key` on every attempt; generated for every POST if omitted. */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  /** Bounds the whole call, retries and waits included. Aborting throws `AbortError`. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}
