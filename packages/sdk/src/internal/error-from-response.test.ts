import { describe, expect, it } from 'vitest';
import { APIError } from '../errors/api-error';
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
import { errorFromResponse } from './error-from-response';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: `https://karvon.dev/errors/${code}`, title: code, status, code, ...extra });

describe('errorFromResponse', () => {
  it.each([
    [400, 'invalid_request', ValidationError],
    [400, 'malformed_json', ValidationError],
    [400, 'unsupported_api_version', ValidationError],
    [401, 'unauthenticated', AuthenticationError],
    [401, 'invalid_api_key', AuthenticationError],
    [402, 'insufficient_balance', InsufficientBalanceError],
    [403, 'forbidden', PermissionError],
    [403, 'insufficient_scope', PermissionError],
    [403, 'ip_not_allowed', PermissionError],
    [404, 'not_found', NotFoundError],
    [405, 'method_not_allowed', APIError],
    [408, 'request_timeout', APIError],
    [409, 'conflict', APIError],
    [409, 'idempotency_key_in_use', APIError],
    [413, 'payload_too_large', APIError],
    [415, 'unsupported_media_type', APIError],
    [422, 'validation_failed', ValidationError],
    [422, 'idempotency_key_reused', IdempotencyError],
    [422, 'invalid_phone_number', ValidationError],
    [422, 'batch_too_large', ValidationError],
    [429, 'rate_limited', RateLimitError],
    [500, 'internal_error', InternalServerError],
    [503, 'service_unavailable', InternalServerError],
  ])('maps %i %s to %s', (status, code, ErrorClass) => {
    const error = errorFromResponse(status, problem(status, code), 'req_1', undefined);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.requestId).toBe('req_1');
  });

  it.each([
    [400, ValidationError],
    [401, AuthenticationError],
    [402, InsufficientBalanceError],
    [403, PermissionError],
    [404, NotFoundError],
    [422, ValidationError],
    [429, RateLimitError],
    [502, InternalServerError],
    [418, APIError],
  ])('maps a bare %i without a body by status', (status, ErrorClass) => {
    const error = errorFromResponse(status, '', undefined, undefined);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.code).toBeUndefined();
  });

  it('tolerates an HTML body and never copies it into the message', () => {
    const error = errorFromResponse(502, '<html><body>Bad gateway from nginx</body></html>', undefined, undefined);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).not.toContain('nginx');
    expect(error.message).toContain('502');
  });

  it('tolerates JSON that is not an object', () => {
    expect(errorFromResponse(400, '["x"]', undefined, undefined)).toBeInstanceOf(ValidationError);
  });

  it('keeps field errors with their pointers', () => {
    const body = problem(422, 'validation_failed', {
      errors: [{ pointer: '/messages/3/to', code: 'invalid_phone_number', detail: 'Not a phone number' }],
    });
    expect(errorFromResponse(422, body, undefined, undefined).errors).toEqual([
      { pointer: '/messages/3/to', code: 'invalid_phone_number', detail: 'Not a phone number' },
    ]);
  });

  it('masks phone numbers the server put in details', () => {
    const body = problem(422, 'opted_out', {
      detail: '+998901234567 opted out',
      errors: [{ pointer: '/to', code: 'opted_out', detail: '+998901234567 opted out' }],
    });
    const error = errorFromResponse(422, body, undefined, undefined);
    expect(error.message).not.toContain('+998901234567');
    expect(error.detail).toBe('+99890*****67 opted out');
    expect(error.errors[0]?.detail).toBe('+99890*****67 opted out');
  });

  it('takes the request id from the body when no header carries it', () => {
    expect(
      errorFromResponse(404, problem(404, 'not_found', { requestId: 'req_body' }), undefined, undefined).requestId,
    ).toBe('req_body');
  });

  it('does not trip over codes named like Object.prototype members', () => {
    expect(errorFromResponse(400, problem(400, 'toString'), undefined, undefined)).toBeInstanceOf(ValidationError);
  });

  it('carries the server-requested delay', () => {
    expect(errorFromResponse(429, problem(429, 'rate_limited'), undefined, 3000).retryAfterMs).toBe(3000);
  });
});
