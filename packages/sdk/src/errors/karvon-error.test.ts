import { describe, expect, it } from 'vitest';
import { AbortError } from './abort-error';
import { APIError } from './api-error';
import { ConnectionError, TimeoutError } from './connection-error';
import { KarvonError } from './karvon-error';
import { RateLimitError, ValidationError } from './status-errors';

describe('KarvonError tree', () => {
  it('gives every error a stable name, independent of minified class names', () => {
    expect(new KarvonError('x').name).toBe('KarvonError');
    expect(new RateLimitError({ status: 429 }).name).toBe('RateLimitError');
    expect(new TimeoutError(10).name).toBe('TimeoutError');
    expect(new AbortError().name).toBe('AbortError');
  });

  it('answers isInstance along the family line', () => {
    const error = new RateLimitError({ status: 429 });
    expect(KarvonError.isInstance(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(false);
    expect(APIError.isInstance(new TimeoutError(5))).toBe(false);
    expect(ConnectionError.isInstance(new TimeoutError(5))).toBe(true);
    expect(KarvonError.isInstance(new Error('x'))).toBe(false);
    expect(KarvonError.isInstance(null)).toBe(false);
  });

  it('recognises an error thrown by another copy of the package', () => {
    // What a second copy's RateLimitError looks like to this copy: a different class, same marker.
    class OtherKarvonError extends Error {
      constructor() {
        super('429');
        Object.defineProperty(this, Symbol.for('karvon.error'), {
          value: ['RateLimitError', 'APIError', 'KarvonError'],
        });
      }
    }
    const foreign = new OtherKarvonError();
    expect(foreign instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(APIError.isInstance(foreign)).toBe(true);
    expect(ValidationError.isInstance(foreign)).toBe(false);
  });

  it('serialises to plain data with toJSON', () => {
    const error = new ValidationError({
      status: 422,
      code: 'validation_failed',
      detail: 'Invalid',
      requestId: 'req_1',
      errors: [{ pointer: '/to', code: 'invalid_phone_number', detail: 'bad' }],
    });
    error.attempts = 1;
    error.idempotencyKey = 'key-1';
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ValidationError',
      message: '422 validation_failed: Invalid (request req_1)',
      status: 422,
      code: 'validation_failed',
      requestId: 'req_1',
      errors: [{ pointer: '/to', code: 'invalid_phone_number', detail: 'bad' }],
      attempts: 1,
      idempotencyKey: 'key-1',
    });
    expect(new TimeoutError(50).toJSON()).toMatchObject({ name: 'TimeoutError', timeoutMs: 50, attempts: 1 });
  });

  it('keeps the abort reason as the cause', () => {
    const reason = new Error('user left');
    expect(new AbortError(reason).cause).toBe(reason);
  });
});
