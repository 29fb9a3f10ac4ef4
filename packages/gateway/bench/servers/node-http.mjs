// Bare node:http answering POST /send: the reference the frameworks are compared with.
import { createServer } from 'node:http';
import { announceListening } from '../lib/announce-listening.mjs';
import { readBody } from '../lib/read-body.mjs';
import {
  acceptedMessage,
  BODY_LIMIT_BYTES,
  findSendRequestProblem,
  invalidRequest,
  SEND_PATH,
} from '../lib/send-request.mjs';

function answer(response, status, value, type = 'application/json') {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer(async (request, response) => {
  if (request.method !== 'POST' || request.url !== SEND_PATH) {
    answer(response, 404, { code: 'not_found' });
    return;
  }
  if (!request.headers['content-type']?.startsWith('application/json')) {
    answer(response, 415, { code: 'unsupported_media_type' });
    return;
  }
  const text = await readBody(request, BODY_LIMIT_BYTES);
  if (text === undefined) {
    answer(response, 413, { code: 'payload_too_large' });
    return;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    answer(response, 400, { code: 'malformed_json' });
    return;
  }
  const problem = findSendRequestProblem(value);
  if (problem) answer(response, 400, invalidRequest(problem), 'application/problem+json');
  else answer(response, 200, acceptedMessage(value));
});

server.listen(0, '127.0.0.1', () => announceListening(server));
