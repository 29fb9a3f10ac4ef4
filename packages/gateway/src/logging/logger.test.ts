import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPhoneNumbersIn } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('masks phone numbers in free text', () => {
    expect(maskPhoneNumbersIn('to +998901234567 failed')).toBe('to +99890*****67 failed');
  });

  it('redacts secrets and bodies and masks numbers in fields', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        secret: 'whsec_abc',
        body: 'Your code is 1234',
        to: '+998901234567',
        headers: { authorization: 'Bearer kv_live_x' },
      },
      'sent',
    );
    const out = lines.join('');
    expect(out).not.toContain('whsec_abc');
    expect(out).not.toContain('Your code');
    expect(out).not.toContain('kv_live_x');
    expect(out).not.toContain('+998901234567');
    expect(out).toContain('+99890*****67');
  });
});
