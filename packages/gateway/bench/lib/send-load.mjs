import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { distinctSendBodies } from './distinct-send-bodies.mjs';
import { SEND_PATH } from './send-request.mjs';

/**
 * `POST /send` from `connections` keep-alive clients for `durationS`, shared round-robin over
 * `baseUrls` (autocannon gives connection i the URL i mod n: 64 over two gateways is 32 each).
 * Every request has its own body (distinct-send-bodies.mjs) and its own Idempotency-Key, as
 * @karvon/sdk sends. Counted like bench/kannel/sendsms-load.mjs counts Kannel's 202s.
 *
 * @param {{ baseUrls: string[], key: string, connections: number, durationS: number,
 *   nextBody?: () => string }} options
 * @returns {Promise<{ accepted: number, errors: number, statusCodes: Record<string, number>,
 *   loadS: number, startedAt: number, finishedAt: number }>}
 *   accepted: 2xx answers (one message each); errors: other answers, socket errors, timeouts;
 *   loadS: how long the load actually ran; startedAt/finishedAt: epoch ms.
 */
export async function runSendLoad({ baseUrls, key, connections, durationS, nextBody = distinctSendBodies() }) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const result = await autocannon({
    url: baseUrls.map((base) => `${base}${SEND_PATH}`),
    method: 'POST',
    headers,
    connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => ({
          ...request,
          body: nextBody(),
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const accepted = result['2xx'];
  return {
    accepted,
    // autocannon's errors include its timeouts.
    errors: answered - accepted + result.errors,
    statusCodes,
    loadS: (result.finish.getTime() - result.start.getTime()) / 1000,
    startedAt: result.start.getTime(),
    finishedAt: result.finish.getTime(),
  };
}
