import { type ProblemFieldError, toJsonPointer } from '@karvon/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http-problem';

const MAX_REPORTED = 20;

/** JSON Pointers of every string (or object key) holding U+0000, depth-first, at most MAX_REPORTED. */
function findNul(value: unknown, path: (string | number)[], out: ProblemFieldError[]): void {
  if (out.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      out.push({ pointer: toJsonPointer(path), code: 'invalid_field', detail: 'Must not contain the NUL character' });
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findNul(value[i], [...path, i], out);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) {
      out.push({
        pointer: toJsonPointer([...path, key]),
        code: 'invalid_field',
        detail: 'Must not contain the NUL character',
      });
    }
    findNul(child, [...path, key], out);
  }
}

/**
 * Refuses U+0000 anywhere in a request. JSON allows `\u0000`, but PostgreSQL
 * cannot store it in text (the insert fails: a 500), and no id, number, name
 * or SMS text needs it; refusing it here keeps both databases alike. A path
 * parameter with it names nothing (404); a query or body field is a 422.
 */
export async function nulGuardHook(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const params = request.params as Record<string, unknown> | undefined;
  if (params && Object.values(params).some((v) => typeof v === 'string' && v.includes('\u0000'))) {
    throw new HttpProblem('not_found');
  }
  const errors: ProblemFieldError[] = [];
  findNul(request.query, [], errors);
  findNul(request.body, [], errors);
  if (errors.length > 0) {
    throw new HttpProblem('validation_failed', {
      detail:
        errors.length === 1
          ? 'A field contains the NUL character.'
          : `${errors.length} fields contain the NUL character.`,
      errors,
    });
  }
}
