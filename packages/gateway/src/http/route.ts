import { ERROR_CODES, type ErrorCode, isErrorCode, zodIssuesToFieldErrors } from '@karvon/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import { findRouteRule, type RouteMethod, toFastifyPath } from '../accounts/scopes';
import { decodeCursor } from '../storage/page-cursor';
import { HttpProblem } from './http-problem';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Registers a route with its scope rule from accounts/scopes ROUTE_SCOPES.
 * A route missing from that table fails at start, so the table (and the
 * scope × route matrix test that iterates it) cannot drift from the routes.
 */
export function addRoute(app: FastifyInstance, method: RouteMethod, path: string, handler: Handler): void {
  const rule = findRouteRule(method, path);
  if (!rule) throw new Error(`Route ${method} ${path} is not in ROUTE_SCOPES`);
  app.route({ method, url: toFastifyPath(path), config: { rule }, handler });
}

/** Parses a request body with a contract schema, or throws 422 with a pointer per field. */
export function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationProblem(result.error.issues, body);
}

export function validationProblem(issues: readonly z.core.$ZodIssue[], input: unknown): HttpProblem {
  const errors = zodIssuesToFieldErrors(issues, { input });
  // A request-level code when the failure is of one well-known kind: a batch
  // over the limit, or every field failing with the same specific 422 code
  // (`empty_body`, `conflicting_fields`, `invalid_phone_number`…), so a single
  // message gets the same code as the batch item it would have been.
  const codes = new Set(errors.map((e) => e.code));
  const [only] = codes;
  const promoted: ErrorCode | undefined = codes.has('batch_too_large')
    ? 'batch_too_large'
    : codes.size === 1 && only !== undefined && isPromotable(only)
      ? only
      : undefined;
  return new HttpProblem(promoted ?? 'validation_failed', {
    detail: errors.length === 1 ? (errors[0]?.detail ?? 'Invalid field') : `${errors.length} fields are invalid.`,
    errors,
  });
}

// Field-level codes that say only where, not what: they stay under validation_failed.
const GENERIC_FIELD_CODES = new Set(['validation_failed', 'missing_field', 'unknown_field', 'invalid_field']);

function isPromotable(code: string): code is ErrorCode {
  return isErrorCode(code) && ERROR_CODES[code].status === 422 && !GENERIC_FIELD_CODES.has(code);
}

/**
 * Parses a query string with a contract list-params schema (strict: an
 * unknown parameter or filter value is a 422 with its pointer, not ignored).
 */
export function parseQuery<T>(schema: z.ZodMiniType<T>, query: unknown): T {
  const result = schema.safeParse({ ...(query as object) });
  if (!result.success) throw validationProblem(result.error.issues, query);
  const cursor = (result.data as { cursor?: unknown }).cursor;
  if (typeof cursor === 'string' && decodeCursor(cursor) === undefined) {
    throw new HttpProblem('validation_failed', {
      errors: [
        {
          pointer: '/cursor',
          code: 'invalid_field',
          detail: 'Not a cursor from a previous page: use nextCursor as given',
        },
      ],
    });
  }
  return result.data;
}

/** `?limit=` as an integer in 1..max (default 20), or 422. */
export function parseLimit(value: unknown, max = 100): number {
  if (value === undefined || value === '') return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new HttpProblem('validation_failed', {
      errors: [{ pointer: '/limit', code: 'invalid_field', detail: `Must be an integer from 1 to ${max}` }],
    });
  }
  return n;
}
