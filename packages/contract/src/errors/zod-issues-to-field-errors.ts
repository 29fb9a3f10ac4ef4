import type * as z from 'zod/mini';
import { type ErrorCode, isErrorCode } from './error-codes';
import { toJsonPointer } from './json-pointer';
import type { ProblemFieldError } from './problem';

type Issue = z.core.$ZodIssue;
type PathSegment = string | number;

export interface ZodIssuesToFieldErrorsOptions {
  /**
   * The value that was parsed. With it, a required field that is absent is
   * reported as `missing_field` instead of `invalid_field` (zod issues do not
   * carry the input unless asked to).
   */
  input?: unknown;
}

// Fields whose format errors have a dedicated code in the registry, keyed by
// the last path segment. Kept short on purpose: everything else is
// `invalid_field` with a `detail` that names the rule.
const FORMAT_CODE_BY_FIELD: Readonly<Record<string, ErrorCode>> = {
  to: 'invalid_phone_number',
  phoneNumber: 'invalid_phone_number',
  from: 'invalid_sender',
};

const GENERIC_MESSAGE = 'Invalid input';

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

function ownMessage(issue: Issue): string | undefined {
  // zod/mini ships without locale messages, so an issue's message is the
  // generic "Invalid input" unless our schema set one; only the latter helps.
  return issue.message && !issue.message.startsWith(GENERIC_MESSAGE) ? issue.message : undefined;
}

function sizeUnit(origin: string, n: number | bigint): string {
  if (origin === 'string') return `${n} character${n === 1 ? '' : 's'}`;
  if (origin === 'array' || origin === 'set') return `${n} item${n === 1 ? '' : 's'}`;
  return String(n);
}

function describe(issue: Issue): string {
  const own = ownMessage(issue);
  if (own) return own;
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'
        ? `Must contain at most ${sizeUnit(issue.origin, issue.maximum)}`
        : `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'
        ? `Must contain at least ${sizeUnit(issue.origin, issue.minimum)}`
        : `Must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Has an invalid format' : `Must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key':
      return 'Has an invalid key';
    default:
      return 'Is invalid';
  }
}

function codeFor(issue: Issue, path: PathSegment[], options: ZodIssuesToFieldErrorsOptions): ErrorCode {
  if (issue.code === 'custom' && isErrorCode(issue.params?.code)) return issue.params.code;
  if (issue.code === 'invalid_type' && 'input' in options && valueAt(options.input, path) === undefined) {
    return 'missing_field';
  }
  if (issue.code === 'invalid_type') return 'invalid_field';
  const last = path.at(-1);
  if (typeof last === 'string') {
    const code = FORMAT_CODE_BY_FIELD[last];
    if (code) return code;
    if (last === 'messages' && issue.code === 'too_big') return 'batch_too_large';
    if (last === 'body' && issue.code === 'too_small') return 'empty_body';
  }
  return 'invalid_field';
}

function convert(issues: readonly Issue[], prefix: PathSegment[], options: ZodIssuesToFieldErrorsOptions) {
  const out: ProblemFieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ pointer: toJsonPointer([...path, key]), code: 'unknown_field', detail: `Unknown field "${key}"` });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // No option matched. Report the option that came closest (fewest
      // problems): for a batch send that is the batch branch, whose errors
      // point into `messages`, not "unknown field messages" from the single
      // branch.
      const branches = issue.errors.map((branch) => convert(branch, path, options));
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...best);
    } else {
      out.push({ pointer: toJsonPointer(path), code: codeFor(issue, path, options), detail: describe(issue) });
    }
  }
  return out;
}

/**
 * Turns zod issues into the `errors[]` of a `validation_failed` problem: one
 * entry per field, each with a JSON Pointer, a registry code and a detail that
 * is safe to show (it never repeats the submitted value).
 */
export function zodIssuesToFieldErrors(
  issues: readonly Issue[],
  options: ZodIssuesToFieldErrorsOptions = {},
): ProblemFieldError[] {
  return convert(issues, [], options);
}
