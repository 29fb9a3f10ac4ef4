import { describe, expect, it } from 'vitest';
import { distinctSendBodies } from './distinct-send-bodies.mjs';
import { SEND_BODY } from './send-request.mjs';

describe('distinctSendBodies', () => {
  it('gives every body its own text, the rest of SEND_BODY unchanged', () => {
    const next = distinctSendBodies();
    const bodies = Array.from({ length: 1_000 }, () => JSON.parse(next()));
    expect(new Set(bodies.map((body) => body.body)).size).toBe(1_000);
    const { body: _text, ...rest } = JSON.parse(SEND_BODY);
    for (const body of bodies.slice(0, 3)) expect(body).toMatchObject(rest);
  });

  it('keeps the text the length of the original, so it stays one GSM-7 part', () => {
    const next = distinctSendBodies();
    const original = JSON.parse(SEND_BODY).body;
    expect(JSON.parse(next()).body).toBe(original.replace('482913', '000000'));
    for (let i = 0; i < 5; i += 1) expect(JSON.parse(next()).body).toHaveLength(original.length);
  });

  it('counts independently per generator', () => {
    const first = distinctSendBodies();
    first();
    expect(distinctSendBodies()()).toBe(distinctSendBodies()());
  });
});
