// The request every framework benchmark and floor answers: a `POST /send`
// shaped like the real one (about 300 bytes in, about 200 bytes out), with
// the same three hand-written checks everywhere so that only the framework
// differs between servers.

import { randomUUID } from 'node:crypto';

export const SEND_PATH = '/send';

export const SEND_BODY = JSON.stringify({
  to: '+998901234567',
  from: 'KarvonShop',
  body: 'Your Karvon verification code is 482913. It expires in 10 minutes. Never share this code with anyone.',
  type: 'transactional',
  clientReference: 'order-2026-000123',
  validityPeriod: 3600,
  metadata: { orderId: 'A-10023', channel: 'checkout', locale: 'uz-UZ' },
});

/** Maximum body size every server enforces (413 above it), as the gateway will. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Checks `to`, `from` and `body`. Returns undefined when they are usable,
 * otherwise a small problem object (the caller answers 400).
 */
export function findSendRequestProblem(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { pointer: '', detail: 'The body must be a JSON object.' };
  }
  if (typeof value.to !== 'string' || !E164.test(value.to)) {
    return { pointer: '/to', detail: 'to must be an E.164 phone number.' };
  }
  if (typeof value.from !== 'string' || value.from.length === 0 || value.from.length > 11) {
    return { pointer: '/from', detail: 'from must be 1 to 11 characters.' };
  }
  if (typeof value.body !== 'string' || value.body.length === 0 || value.body.length > 1600) {
    return { pointer: '/body', detail: 'body must be 1 to 1600 characters.' };
  }
  return undefined;
}

/** The accepted-message answer (about 200 bytes). */
export function acceptedMessage(request, to = request.to, id = `msg_${randomUUID()}`) {
  return {
    id,
    status: 'queued',
    to,
    from: request.from,
    encoding: 'gsm7',
    segments: 1,
    price: { amount: 12000, currency: 'UZS' },
    createdAt: new Date().toISOString(),
  };
}

/** The problem answer for a failed check (400 by default). */
export function invalidRequest(problem, status = 400, code = 'validation_failed') {
  return {
    type: `https://karvon.dev/errors/${code}`,
    title: 'The request is not valid.',
    status,
    code,
    errors: [problem],
  };
}
