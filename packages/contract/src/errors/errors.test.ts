import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { parseJsonPointer, toJsonPointer } from './json-pointer';
import { createProblem, isProblem, problemType } from './problem';
import { zodIssuesToFieldErrors } from './zod-issues-to-field-errors';

describe('error code registry', () => {
  it('uses snake_case codes with an HTTP error status and a title', () => {
    for (const [code, definition] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(definition.status).toBeGreaterThanOrEqual(400);
      expect(definition.status).toBeLessThan(600);
      expect(definition.title.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(0);
    }
  });

  it('holds the agreed codes with their statuses', () => {
    const agreed = {
      invalid_request: 400,
      malformed_json: 400,
      validation_failed: 422,
      unauthenticated: 401,
      invalid_api_key: 401,
      forbidden: 403,
      insufficient_scope: 403,
      ip_not_allowed: 403,
      not_found: 404,
      method_not_allowed: 405,
      conflict: 409,
      idempotency_key_in_use: 409,
      idempotency_key_reused: 422,
      payload_too_large: 413,
      unsupported_media_type: 415,
      unsupported_api_version: 400,
      missing_template_variables: 422,
      invalid_phone_number: 422,
      not_a_mobile_number: 422,
      sender_not_registered: 422,
      opted_out: 422,
      consent_required: 422,
      batch_too_large: 422,
      empty_body: 422,
      insufficient_balance: 402,
      rate_limited: 429,
      internal_error: 500,
      service_unavailable: 503,
      request_timeout: 408,
    };
    for (const [code, status] of Object.entries(agreed)) {
      expect(isErrorCode(code), code).toBe(true);
      expect(ERROR_CODES[code as keyof typeof ERROR_CODES].status, code).toBe(status);
    }
  });

  it('marks exactly the transient codes retryable', () => {
    const retryable = Object.entries(ERROR_CODES)
      .filter(([, d]) => 'retryable' in d && d.retryable)
      .map(([c]) => c)
      .sort();
    expect(retryable).toEqual([
      'idempotency_key_in_use',
      'internal_error',
      'rate_limited',
      'request_timeout',
      'service_unavailable',
    ]);
  });

  it('does not treat inherited properties as codes', () => {
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('__proto__')).toBe(false);
  });
});

describe('problem+json', () => {
  it('takes status, title and type from the registry', () => {
    expect(createProblem('rate_limited', { detail: 'Slow down', requestId: 'req_1' })).toEqual({
      type: 'https://docs.karvon.dev/errors/rate_limited',
      title: 'Rate limited',
      status: 429,
      code: 'rate_limited',
      detail: 'Slow down',
      requestId: 'req_1',
    });
    expect(problemType('not_found')).toBe('https://docs.karvon.dev/errors/not_found');
  });

  it('leaves out an empty errors list', () => {
    expect(createProblem('validation_failed', { errors: [] })).not.toHaveProperty('errors');
  });

  it('recognises problems, including codes and members from a newer gateway', () => {
    expect(isProblem(createProblem('not_found'))).toBe(true);
    expect(isProblem({ type: 'x', title: 't', status: 418, code: 'brand_new_code', extension: { a: 1 } })).toBe(true);
    expect(isProblem({ title: 't', status: 400, code: 'x' })).toBe(false);
    expect(isProblem('oops')).toBe(false);
  });
});

describe('toJsonPointer', () => {
  it('joins segments with slashes and escapes ~ before /', () => {
    expect(toJsonPointer([])).toBe('');
    expect(toJsonPointer(['messages', 3, 'to'])).toBe('/messages/3/to');
    expect(toJsonPointer(['a/b', 'm~n', '~1'])).toBe('/a~1b/m~0n/~01');
    expect(toJsonPointer([''])).toBe('/');
  });

  it('parses back what it wrote (RFC 6901 examples)', () => {
    expect(parseJsonPointer('/a~1b/m~0n/~01')).toEqual(['a/b', 'm~n', '~1']);
    expect(parseJsonPointer('')).toEqual([]);
    expect(() => parseJsonPointer('a')).toThrow(SyntaxError);
    expect(() => parseJsonPointer('/~2')).toThrow(SyntaxError);
  });
});

describe('zodIssuesToFieldErrors', () => {
  const schema = z.strictObject({
    to: z.string().check(z.regex(/^\+\d+$/)),
    name: z.string().check(z.maxLength(3)),
    items: z.array(z.strictObject({ n: z.int().check(z.gte(1)) })),
    kind: z.exactOptional(z.enum(['a', 'b'])),
    'odd/key': z.exactOptional(z.string()),
  });

  function errorsFor(input: unknown) {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    return zodIssuesToFieldErrors(result.error.issues, { input });
  }

  it('points at each field with a registry code and a detail', () => {
    expect(
      errorsFor({ to: 'nope', name: 'abcd', items: [{ n: 1 }, { n: 0 }], kind: 'c', 'odd/key': 5, extra: 1, more: 2 }),
    ).toEqual([
      { pointer: '/to', code: 'invalid_phone_number', detail: 'Has an invalid format' },
      { pointer: '/name', code: 'invalid_field', detail: 'Must contain at most 3 characters' },
      { pointer: '/items/1/n', code: 'invalid_field', detail: 'Must be at least 1' },
      { pointer: '/kind', code: 'invalid_field', detail: 'Must be one of: "a", "b"' },
      { pointer: '/odd~1key', code: 'invalid_field', detail: 'Expected string' },
      { pointer: '/extra', code: 'unknown_field', detail: 'Unknown field "extra"' },
      { pointer: '/more', code: 'unknown_field', detail: 'Unknown field "more"' },
    ]);
  });

  it('reports absent required fields as missing when given the input', () => {
    expect(errorsFor({ to: '+1', items: [] })).toEqual([
      { pointer: '/name', code: 'missing_field', detail: 'Expected string' },
    ]);
    const result = schema.safeParse({ to: '+1', items: [] });
    expect(zodIssuesToFieldErrors(result.error!.issues)[0]?.code).toBe('invalid_field');
  });

  it('uses the code a custom check carries and its message', () => {
    const s = z.string().check(z.refine((v) => v !== 'x', { message: 'No x', params: { code: 'opted_out' } }));
    const result = s.safeParse('x');
    expect(zodIssuesToFieldErrors(result.error!.issues)).toEqual([{ pointer: '', code: 'opted_out', detail: 'No x' }]);
  });

  it('reports the closest branch of a failed union', () => {
    const union = z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.string(), c: z.string() })]);
    const input = { b: 'x', c: 1 };
    const result = union.safeParse(input);
    expect(zodIssuesToFieldErrors(result.error!.issues, { input })).toEqual([
      { pointer: '/c', code: 'invalid_field', detail: 'Expected string' },
    ]);
  });
});
