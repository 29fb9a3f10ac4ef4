import * as z from 'zod/mini';
import type { Open } from '../common/open';
import { pure } from '../internal/pure';
import { ERROR_CODES, type ErrorCode } from './error-codes';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem `type` URIs are this base plus the code; each resolves to its docs. */
export const PROBLEM_TYPE_BASE_URL = 'https://docs.karvon.dev/errors/';

/** One invalid field of a request. */
export interface ProblemFieldError {
  /** RFC 6901 JSON Pointer into the request body, e.g. `/messages/3/to`. */
  pointer: string;
  code: Open<ErrorCode>;
  detail: string;
}

/** An RFC 9457 problem details object, with Karvon's `code` extension. */
export interface Problem {
  /** `https://docs.karvon.dev/errors/<code>` */
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable, machine-readable; branch on this, not on `title` or `detail`. */
  code: Open<ErrorCode>;
  requestId?: string;
  errors?: ProblemFieldError[];
}

export function problemType(code: ErrorCode): string {
  return `${PROBLEM_TYPE_BASE_URL}${code}`;
}

export interface CreateProblemOptions {
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

/**
 * Builds the problem body for a registered code, taking `status`, `title` and
 * `type` from the registry so the gateway cannot answer a code with the wrong
 * status.
 */
export function createProblem(code: ErrorCode, options: CreateProblemOptions = {}): Problem {
  const definition = ERROR_CODES[code];
  const problem: Problem = { type: problemType(code), title: definition.title, status: definition.status, code };
  if (options.detail !== undefined) problem.detail = options.detail;
  if (options.instance !== undefined) problem.instance = options.instance;
  if (options.requestId !== undefined) problem.requestId = options.requestId;
  if (options.errors !== undefined && options.errors.length > 0) problem.errors = options.errors;
  return problem;
}

export const problemFieldErrorSchema = pure(() =>
  z.looseObject({
    pointer: z.string(),
    code: z.string(),
    detail: z.string(),
  }),
);

/**
 * Validates an error response. Loose on purpose: codes this client does not
 * know and extension members a newer gateway adds must not fail the parse.
 */
export const problemSchema = pure(() =>
  z.looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.exactOptional(z.string()),
    instance: z.exactOptional(z.string()),
    code: z.string(),
    requestId: z.exactOptional(z.string()),
    errors: z.exactOptional(z.array(problemFieldErrorSchema)),
  }),
);

export function isProblem(value: unknown): value is Problem {
  return problemSchema.safeParse(value).success;
}
