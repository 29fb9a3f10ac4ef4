import { createProblem, type ErrorCode, PROBLEM_CONTENT_TYPE, type ProblemFieldError } from '@karvon/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http-problem';

/** Sends a problem+json response for a registry code. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  options: { detail?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  const problem = createProblem(code, {
    requestId: request.id,
    instance: request.url.split('?')[0] ?? '/',
    ...(options.detail !== undefined ? { detail: options.detail } : {}),
    ...(options.errors !== undefined ? { errors: options.errors } : {}),
  });
  for (const [name, value] of Object.entries(options.headers ?? {})) reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

// Fastify's own errors, mapped onto the registry. Everything not listed here
// and not an HttpProblem is a 500, logged with its stack.
function classify(error: FastifyError): { code: ErrorCode; detail?: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return { code: 'unsupported_media_type', detail: 'Send the body as application/json.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'malformed_json', detail: 'The body is empty; send a JSON object.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'invalid_request', detail: 'The Content-Length does not match the body.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'malformed_json', detail: 'The body is not valid JSON.' };
    default:
      break;
  }
  if (error instanceof SyntaxError || (/JSON|prototype|constructor/.test(error.message) && error.statusCode === 400)) {
    return { code: 'malformed_json', detail: 'The body is not valid JSON.' };
  }
  if (error.statusCode === 413) return { code: 'payload_too_large' };
  if (error.statusCode === 415) return { code: 'unsupported_media_type' };
  if (error.statusCode === 408) return { code: 'request_timeout' };
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return { code: 'invalid_request' };
  return undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    return sendProblem(request, reply, error.code, {
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
      ...(error.errors !== undefined ? { errors: error.errors } : {}),
      headers: error.headers,
    });
  }
  const known = classify(error);
  if (known) return sendProblem(request, reply, known.code, known.detail !== undefined ? { detail: known.detail } : {});
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, 'internal_error');
}
