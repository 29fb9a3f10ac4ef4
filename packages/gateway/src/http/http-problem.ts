import type { ErrorCode, ProblemFieldError } from '@karvon/contract';
import { ERROR_CODES } from '@karvon/contract';

/**
 * The one error the routes throw. It carries a registry code only, so the
 * status always comes from the registry; the error handler renders it as
 * problem+json.
 */
export class HttpProblem extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { detail?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? ERROR_CODES[code].title);
    this.name = 'HttpProblem';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}
