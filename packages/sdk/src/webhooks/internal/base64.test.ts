import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

describe('base64', () => {
  it('round-trips any bytes, with or without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(decodeBase64(encoded)).toEqual(bytes);
        expect(decodeBase64(encoded.replace(/=+$/, ''))).toEqual(bytes);
      }),
    );
  });

  it('agrees with Node for every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  it.each(['a', 'ab=c', 'ab-_', 'ab cd', 'abc==', 'abcd===', 'ab\n'])('rejects %j', (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});
