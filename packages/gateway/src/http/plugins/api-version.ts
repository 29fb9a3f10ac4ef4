import { API_VERSION_HEADER, API_VERSIONS, isApiVersion, LATEST_API_VERSION } from '@karvon/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http-problem';

/**
 * `Karvon-Version`: absent means the latest version this gateway serves; an
 * unknown one is refused rather than guessed. The version is echoed so a
 * client can see which one answered.
 */
export async function apiVersionHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const raw = request.headers['karvon-version'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') {
    request.apiVersion = LATEST_API_VERSION;
  } else if (isApiVersion(value.trim())) {
    request.apiVersion = value.trim();
  } else {
    reply.header(API_VERSION_HEADER, LATEST_API_VERSION);
    throw new HttpProblem('unsupported_api_version', {
      detail: `This gateway serves ${API_VERSIONS.join(', ')}.`,
    });
  }
  reply.header(API_VERSION_HEADER, request.apiVersion);
}
