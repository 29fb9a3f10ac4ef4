import type { z } from 'zod';
import { AdminApiError } from './admin-error';

/** The admin page sends a few fields; anything near this is not from it. */
export const MAX_ADMIN_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body: 413 when too large, 400 when it is not JSON, 422 with the
 * first offending field when it does not match `schema`.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_ADMIN_BODY_BYTES) throw new AdminApiError('body_too_large');
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_ADMIN_BODY_BYTES) throw new AdminApiError('body_too_large');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new AdminApiError('invalid_json');
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new AdminApiError(
    'validation_failed',
    issue ? `${field ? `${field}: ` : ''}${issue.message}` : undefined,
    field ? { field } : {},
  );
}
