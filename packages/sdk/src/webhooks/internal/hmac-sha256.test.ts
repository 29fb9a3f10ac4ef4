import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, type NodeCryptoLike, nodeCryptoFrom, nodeHmacSha256, webCryptoHmacSha256 } from './hmac-sha256';

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (mac: Uint8Array) => Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');

const nodeCrypto = nodeCryptoFrom();
if (nodeCrypto === undefined) throw new Error('these tests run on Node, which has process.getBuiltinModule');
const subtle = globalThis.crypto.subtle;

// RFC 4231 §4.3, test case 2 (a key shorter than the block, ASCII data).
const RFC_4231_CASE_2 = {
  key: bytes('Jefe'),
  data: bytes('what do ya want for nothing?'),
  mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
};

describe('hmacSha256', () => {
  it('matches RFC 4231 on both paths', async () => {
    const { key, data, mac } = RFC_4231_CASE_2;
    expect(hex(await nodeHmacSha256(nodeCrypto, key)(data))).toBe(mac);
    expect(hex(await (await webCryptoHmacSha256(subtle, key))(data))).toBe(mac);
  });

  it('gives byte-identical MACs with node:crypto and with Web Crypto', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 100 }),
        fc.uint8Array({ maxLength: 3000 }),
        async (secret, content) => {
          const viaNode = await nodeHmacSha256(nodeCrypto, secret)(content);
          const viaWebCrypto = await (await webCryptoHmacSha256(subtle, secret))(content);
          expect(hex(viaNode)).toBe(hex(viaWebCrypto));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('works without createSecretKey, handing createHmac the raw key bytes', async () => {
    const { createHmac } = nodeCrypto;
    const bare: NodeCryptoLike = { createHmac: (algorithm, key) => createHmac.call(nodeCrypto, algorithm, key) };
    const { key, data, mac } = RFC_4231_CASE_2;
    expect(hex(await nodeHmacSha256(bare, key)(data))).toBe(mac);
  });

  it('is synchronous on Node: the MAC comes back as bytes, not a promise', () => {
    const hmac = hmacSha256(RFC_4231_CASE_2.key, () => subtle);
    expect(typeof hmac).toBe('function');
    if (typeof hmac !== 'function') return;
    const mac = hmac(RFC_4231_CASE_2.data);
    expect(mac).toBeInstanceOf(Uint8Array);
    expect(hex(mac as Uint8Array)).toBe(RFC_4231_CASE_2.mac);
  });
});

describe('nodeCryptoFrom', () => {
  it("finds node:crypto's createHmac through process.getBuiltinModule", () => {
    expect(typeof nodeCryptoFrom(globalThis)?.createHmac).toBe('function');
  });

  it.each([
    ['no process at all (browsers, workers)', {}],
    ['a process without getBuiltinModule (edge runtime, bundler polyfills, Node < 20.16)', { process: { env: {} } }],
    ['getBuiltinModule that does not know the module', { process: { getBuiltinModule: () => undefined } }],
    ['a module without createHmac', { process: { getBuiltinModule: () => ({}) } }],
    [
      'getBuiltinModule that throws',
      {
        process: {
          getBuiltinModule: () => {
            throw new Error('denied');
          },
        },
      },
    ],
  ])('falls back to Web Crypto with %s', (_, scope) => {
    expect(nodeCryptoFrom(scope)).toBeUndefined();
  });
});
