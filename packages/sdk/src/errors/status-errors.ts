import { APIError } from './api-error';

// The APIError family, one class per way a caller reacts differently. Which response maps to
// which class is decided in one place: internal/error-from-response.ts.

/** 401: the API key (or token) is missing, unknown or revoked. */
export class AuthenticationError extends APIError {
  static override readonly errorName: string = 'AuthenticationError';
}

/** 403: the key is valid but may not do this (scope, IP allow-list). */
export class PermissionError extends APIError {
  static override readonly errorName: string = 'PermissionError';
}

/** 404: no such resource (or not visible to this account). */
export class NotFoundError extends APIError {
  static override readonly errorName: string = 'NotFoundError';
}

/** 400 / 422: the request is invalid; see `errors` for field pointers. Never retried. */
export class ValidationError extends APIError {
  static override readonly errorName: string = 'ValidationError';
}

/** `idempotency_key_reused`: the key was already used with a different request body. Never retried. */
export class IdempotencyError extends APIError {
  static override readonly errorName: string = 'IdempotencyError';
}

/** 402: the account balance does not cover the messages. */
export class InsufficientBalanceError extends APIError {
  static override readonly errorName: string = 'InsufficientBalanceError';
}

/** 429: too many requests; `retryAfterMs` says when the server will accept more, if it said. */
export class RateLimitError extends APIError {
  static override readonly errorName: string = 'RateLimitError';
}

/** 5xx: the gateway failed; retried with backoff before this is thrown. */
export class InternalServerError extends APIError {
  static override readonly errorName: string = 'InternalServerError';
}
