// Fastify 5 answering POST /send. `--schema`: the body is checked by a JSON
// schema (Ajv) and the answer serialised from a response schema
// (fast-json-stringify) instead of the hand-written checks and JSON.stringify.
import Fastify from 'fastify';
import { announceListening } from '../lib/announce-listening.mjs';
import {
  acceptedMessage,
  BODY_LIMIT_BYTES,
  findSendRequestProblem,
  invalidRequest,
  SEND_PATH,
} from '../lib/send-request.mjs';

const withSchema = process.argv.includes('--schema');

const sendBodySchema = {
  type: 'object',
  required: ['to', 'from', 'body'],
  properties: {
    to: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
    from: { type: 'string', minLength: 1, maxLength: 11 },
    body: { type: 'string', minLength: 1, maxLength: 1600 },
    type: { type: 'string', enum: ['transactional', 'marketing'] },
    clientReference: { type: 'string', maxLength: 128 },
    validityPeriod: { type: 'integer', minimum: 1 },
    metadata: { type: 'object' },
  },
};

const acceptedSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string' },
    to: { type: 'string' },
    from: { type: 'string' },
    encoding: { type: 'string' },
    segments: { type: 'integer' },
    price: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } } },
    createdAt: { type: 'string' },
  },
};

const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES });

if (withSchema) {
  app.post(SEND_PATH, { schema: { body: sendBodySchema, response: { 200: acceptedSchema } } }, async (request) =>
    acceptedMessage(request.body),
  );
} else {
  app.post(SEND_PATH, async (request, reply) => {
    const problem = findSendRequestProblem(request.body);
    if (problem) return reply.code(400).type('application/problem+json').send(invalidRequest(problem));
    return acceptedMessage(request.body);
  });
}

await app.listen({ port: 0, host: '127.0.0.1' });
announceListening(app.server);
