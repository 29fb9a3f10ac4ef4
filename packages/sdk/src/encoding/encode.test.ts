import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gsmText, mixedText } from './__fixtures__/arbitraries';
import { lockish, singlish } from './__fixtures__/tiny-national-tables';
import { decode } from './decode';
import { encode } from './encode';
import { EncodingError } from './encoding-error';
import { turkish } from './national/turkish';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('encode', () => {
  it('packs "hellohello" into the well-known 9 octets', () => {
    expect(hex(encode('hellohello', { encoding: 'GSM-7', gsm7Packing: 'packed' }))).toBe('e8 32 9b fd 46 97 d9 ec 37');
  });

  it('shifts packed text by the fill bits after a 6-byte UDH', () => {
    // 48 UDH bits + 1 fill bit reach the septet boundary 49.
    expect(hex(encode('A', { encoding: 'GSM-7', gsm7Packing: 'packed', udhBytes: 6 }))).toBe('82');
    expect(hex(encode('A', { encoding: 'GSM-7', gsm7Packing: 'packed', udhBytes: 7 }))).toBe('41');
  });

  it('writes one septet per octet by default, escapes included', () => {
    expect(hex(encode('a[b]', { encoding: 'GSM-7' }))).toBe('61 1b 3c 62 1b 3e');
  });

  it('writes UCS-2 big-endian, surrogate pairs as two code units', () => {
    expect(hex(encode('Я😀', { encoding: 'UCS-2' }))).toBe('04 2f d8 3d de 00');
  });

  it('encodes through national tables', () => {
    expect(hex(encode('şa', { encoding: 'GSM-7', lockingShift: lockish }))).toBe('04 61');
    expect(hex(encode('ğ€', { encoding: 'GSM-7', singleShift: singlish }))).toBe('1b 67 1b 65');
    expect(hex(encode('ığ', { encoding: 'GSM-7', lockingShift: turkish, singleShift: turkish }))).toBe('07 0c');
  });

  it('throws an EncodingError naming the code point and index, not the text', () => {
    const error = (() => {
      try {
        encode('secret я', { encoding: 'GSM-7' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(EncodingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: 'EncodingError', index: 7 });
    expect((error as Error).message).toBe('Character U+044F at index 7 has no GSM-7 code');
  });
});

describe('decode', () => {
  it('reads packed septets back, dropping the padding septet of 7 spare bits', () => {
    // 7 septets = 49 bits in 7 octets: the last 7 bits are padding, not an @.
    const bytes = encode('abcdefg', { encoding: 'GSM-7', gsm7Packing: 'packed' });
    expect(bytes).toHaveLength(7);
    expect(decode(bytes, { encoding: 'GSM-7', gsm7Packing: 'packed' })).toBe('abcdefg');
    expect(decode(bytes, { encoding: 'GSM-7', gsm7Packing: 'packed', septets: 8 })).toBe('abcdefg@');
  });

  it('rejects odd-length UCS-2 and septets above 0x7F', () => {
    expect(() => decode(Uint8Array.of(0x04), { encoding: 'UCS-2' })).toThrow(EncodingError);
    expect(() => decode(Uint8Array.of(0x41, 0x80), { encoding: 'GSM-7' })).toThrow(/below 0x80/);
  });

  it('round-trips random GSM-7 text in every wire form', () => {
    fc.assert(
      fc.property(gsmText, fc.integer({ min: 0, max: 12 }), (text, udhBytes) => {
        const unpacked = encode(text, { encoding: 'GSM-7' });
        expect(decode(unpacked, { encoding: 'GSM-7' })).toBe(text);
        const options = { encoding: 'GSM-7', gsm7Packing: 'packed', udhBytes } as const;
        expect(decode(encode(text, options), { ...options, septets: unpacked.length })).toBe(text);
      }),
    );
  });

  it('round-trips packed text without the septet count unless it ends in @', () => {
    fc.assert(
      fc.property(gsmText, fc.integer({ min: 0, max: 12 }), (text, udhBytes) => {
        fc.pre(!text.endsWith('@'));
        const options = { encoding: 'GSM-7', gsm7Packing: 'packed', udhBytes } as const;
        expect(decode(encode(text, options), options)).toBe(text);
      }),
    );
  });

  it('round-trips any text through UCS-2', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'binary' })), (text) => {
        expect(decode(encode(text, { encoding: 'UCS-2' }), { encoding: 'UCS-2' })).toBe(text);
      }),
    );
  });

  it('round-trips Turkish text through the Turkish tables', () => {
    const options = { encoding: 'GSM-7', lockingShift: turkish, singleShift: turkish } as const;
    const text = 'Şişli’de değil, Iğdır’da: İyi günler! {€}'.replaceAll('’', "'");
    expect(decode(encode(text, options), options)).toBe(text);
  });
});
