import { SEND_BODY } from './send-request.mjs';

// The verification code in SEND_BODY's text: replaced by a counter so that every message the
// carrier simulator receives is a distinct (source, destination, text) triple and its duplicate
// count means something. Same length, so every body is still one GSM-7 part of 101 characters.
const CODE = '482913';

/**
 * Bodies like SEND_BODY (send-request.mjs), each with its own six-digit code: 000000, 000001, …
 * Distinct for the first million; the caller never sends that many in one run.
 *
 * @returns {() => string}  the next body
 */
export function distinctSendBodies() {
  const sent = JSON.parse(SEND_BODY);
  const at = sent.body.indexOf(CODE);
  if (at === -1) throw new Error(`SEND_BODY no longer contains the code ${CODE}`);
  let next = 0;
  return () => {
    const code = String(next++ % 1_000_000).padStart(CODE.length, '0');
    return JSON.stringify({ ...sent, body: `${sent.body.slice(0, at)}${code}${sent.body.slice(at + CODE.length)}` });
  };
}
