import { describe, expect, it } from 'vitest';
import { generateApiKey } from './api-key-format';
import { constantTimeEqual, hashApiKey, verifyApiKey } from './api-key-hash';

describe('hashApiKey', () => {
  it('is the SHA-256 of the key in lower-case hex', () => {
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is deterministic and differs between keys', () => {
    const a = generateApiKey('live').key;
    const b = generateApiKey('live').key;
    expect(hashApiKey(a)).toBe(hashApiKey(a));
    expect(hashApiKey(a)).not.toBe(hashApiKey(b));
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('constantTimeEqual', () => {
  it('compares equal and unequal strings, including different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('verifyApiKey', () => {
  it('accepts the key whose hash is stored and refuses any other', () => {
    const { key } = generateApiKey('test');
    const stored = hashApiKey(key);
    expect(verifyApiKey(key, stored)).toBe(true);
    expect(verifyApiKey(generateApiKey('test').key, stored)).toBe(false);
  });
});
