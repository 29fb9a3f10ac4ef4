import type { ProblemFieldError } from '@karvon/contract';
import { APIError, type APIErrorInit } from '../errors/api-error';
import {
  AuthenticationError,
  IdempotencyError,
  InsufficientBalanceError,
  InternalServerError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from '../errors/status-errors';
import { maskPhoneNumbersIn } from './redact';

type APIErrorClass = new (init: APIErrorInit) => APIError;

// A known `code` decides first (a 422 idempotency_key_reused is not a ValidationError); the status
// decides otherwise, so codes added to the registry later still land in the right family.
const BY_CODE: Record<string, APIErrorClass> = {
  idempotency_key_reused: IdempotencyError,
  insufficient_balance: InsufficientBalanceError,
  rate_limited: RateLimitError,
  unauthenticated: AuthenticationError,
  invalid_api_key: AuthenticationError,
  forbidden: PermissionError,
  insufficient_scope: PermissionError,
  ip_not_allowed: PermissionError,
  not_found: NotFoundError,
};

const BY_STATUS: Record<number, APIErrorClass> = {
  400: ValidationError,
  401: AuthenticationError,
  402: InsufficientBalanceError,
  403: PermissionError,
  404: NotFoundError,
  422: ValidationError,
  429: RateLimitError,
};

/**
 * Builds the typed error for a non-2xx response. Tolerates bodies that are not problem+json (an
 * HTML page from a proxy, plain text, nothing): the status alone then picks the class. Never copies
 * the raw body into the error.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  requestIdHeader: string | undefined,
  retryAfterMs: number | undefined,
): APIError {
  const problem = parseObject(bodyText);
  const code = stringField(problem, 'code');
  const detail = stringField(problem, 'detail');
  const init: APIErrorInit = {
    status,
    code,
    title: stringField(problem, 'title'),
    detail: detail === undefined ? undefined : maskPhoneNumbersIn(detail),
    type: stringField(problem, 'type'),
    requestId: requestIdHeader ?? stringField(problem, 'requestId'),
    errors: fieldErrors(problem?.errors),
    retryAfterMs,
  };
  const ErrorClass =
    (code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined) ??
    BY_STATUS[status] ??
    (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(init);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringField(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  const out: ProblemFieldError[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    out.push({
      pointer: typeof entry.pointer === 'string' ? entry.pointer : '',
      code: typeof entry.code === 'string' ? entry.code : 'invalid_request',
      detail: typeof entry.detail === 'string' ? maskPhoneNumbersIn(entry.detail) : '',
    });
  }
  return out;
}
