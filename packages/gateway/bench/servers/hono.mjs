// Hono 4 on @hono/node-server answering POST /send. `--body-limit` adds
// hono/body-limit, the middleware the gateway would need for 413s (Fastify
// and the bare server enforce a limit without being asked).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { announceListening } from '../lib/announce-listening.mjs';
import {
  acceptedMessage,
  BODY_LIMIT_BYTES,
  findSendRequestProblem,
  invalidRequest,
  SEND_PATH,
} from '../lib/send-request.mjs';

const app = new Hono();

if (process.argv.includes('--body-limit')) {
  app.use(
    SEND_PATH,
    bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => c.json({ code: 'payload_too_large' }, 413) }),
  );
}

app.post(SEND_PATH, async (c) => {
  if (!c.req.header('content-type')?.startsWith('application/json')) {
    return c.json({ code: 'unsupported_media_type' }, 415);
  }
  let value;
  try {
    value = await c.req.json();
  } catch {
    return c.json({ code: 'malformed_json' }, 400);
  }
  const problem = findSendRequestProblem(value);
  if (problem) return c.json(invalidRequest(problem), 400, { 'content-type': 'application/problem+json' });
  return c.json(acceptedMessage(value));
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => announceListening(server));
