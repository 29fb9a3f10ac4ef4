import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixedText } from './__fixtures__/arbitraries';
import { lockish, singlish } from './__fixtures__/tiny-national-tables';
import { analyze } from './analyze';
import { decode } from './decode';
import { EncodingError } from './encoding-error';
import { turkish } from './national/turkish';
import { type SplitOptions, split } from './split';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('split', () => {
  it('sends a single GSM-7 part without UDH', () => {
    const result = split('Hello');
    expect(result.reference).toBeNull();
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]).toMatchObject({ text: 'Hello', start: 0, end: 5, units: 5 });
    expect(result.parts[0]!.udh).toHaveLength(0);
    expect(hex(result.parts[0]!.userData)).toBe('c8 32 9b fd 06');
  });

  it('builds the 8-bit concatenation IE (0x00) with reference, total and sequence', () => {
    const result = split('a'.repeat(200), { reference: 0x2a });
    expect(result.parts.map((p) => hex(p.udh))).toEqual(['05 00 03 2a 02 01', '05 00 03 2a 02 02']);
    expect(result.parts.map((p) => p.units)).toEqual([153, 47]);
    // 6 UDH bytes + 153 septets after 1 fill bit = 140 bytes exactly.
    expect(result.parts[0]!.userData).toHaveLength(140);
  });

  it('builds the 16-bit concatenation IE (0x08) with 152 septets per part', () => {
    const result = split('a'.repeat(200), { reference: 0x1234, referenceBits: 16 });
    expect(result.parts.map((p) => hex(p.udh))).toEqual(['06 08 04 12 34 02 01', '06 08 04 12 34 02 02']);
    expect(result.parts.map((p) => p.units)).toEqual([152, 48]);
    expect(result.parts[0]!.userData).toHaveLength(140);
  });

  it('adds national IEs (single shift 0x24, locking shift 0x25) even to a single part', () => {
    const one = split('aşb', { nationalTables: [lockish] });
    expect(hex(one.parts[0]!.udh)).toBe('03 25 01 5a');
    const both = split('şğ', { nationalTables: [lockish, singlish] });
    expect(hex(both.parts[0]!.udh)).toBe('06 24 01 5b 25 01 5a');
    const turkishParts = split('ş'.repeat(300), { nationalTables: [turkish], reference: 1 });
    expect(turkishParts.parts.map((p) => hex(p.udh))).toEqual([
      '08 00 03 01 03 01 25 01 01',
      '08 00 03 01 03 02 25 01 01',
      '08 00 03 01 03 03 25 01 01',
    ]);
    expect(turkishParts.parts.map((p) => p.units)).toEqual([149, 149, 2]);
  });

  it('moves an escape pair that would straddle a boundary to the next part', () => {
    const result = split(`${'a'.repeat(152)}€${'b'.repeat(10)}`, { reference: 1, gsm7Packing: 'unpacked' });
    expect(result.parts.map((p) => p.text)).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    expect(Array.from(result.parts[1]!.payload)).toEqual([0x1b, 0x65, ...Array(10).fill(0x62)]);
  });

  it('cuts UCS-2 into 67-unit parts and never inside a surrogate pair', () => {
    const result = split(`${'я'.repeat(66)}😀я${'ы'.repeat(10)}`, { reference: 9 });
    expect(result.parts.map((p) => p.units)).toEqual([66, 13]);
    expect(hex(result.parts[1]!.payload.subarray(0, 6))).toBe('d8 3d de 00 04 4f');
  });

  it('is deterministic by default and takes a reference function', () => {
    const text = 'x'.repeat(400);
    expect(split(text).reference).toBe(split(text).reference);
    expect(split(text, { reference: () => 77 }).reference).toBe(77);
  });

  it('rejects references out of range and messages over 255 parts', () => {
    expect(() => split('x'.repeat(200), { reference: 256 })).toThrow(EncodingError);
    expect(() => split('x'.repeat(200), { reference: 70_000, referenceBits: 16 })).toThrow(/0 to 65535/);
    expect(() => split('x'.repeat(153 * 256))).toThrow(/at most 255 parts/);
  });

  describe('properties over mixed text', () => {
    const optionSets: SplitOptions[] = [
      {},
      { referenceBits: 16 },
      { segmentation: 'graphemes' },
      { smartEncoding: true },
      { nationalTables: [turkish] },
      { gsm7Packing: 'unpacked' },
    ];

    it.each(optionSets)('rejoins, fits 140 bytes, splits no pair and decodes back (%o)', (options) => {
      fc.assert(
        fc.property(mixedText, (text) => {
          const result = split(text, options);
          const source = result.text ?? text;
          expect(result.parts.map((p) => p.text).join('')).toBe(source);
          expect(result.parts).toHaveLength(result.segments);
          expect(result.parts.at(-1)!.units).toBe(result.unitsPerSegment - result.unitsLeft);
          expect(result).toMatchObject(analyze(text, options));
          for (const part of result.parts) {
            expect(part.udh.length).toBe(result.udhBytes);
            expect(part.units).toBeLessThanOrEqual(result.unitsPerSegment);
            const bits = part.udh.length * 8 + (part.udh.length ? (7 - ((part.udh.length * 8) % 7)) % 7 : 0);
            const unitBits = result.encoding === 'GSM-7' ? 7 : 16;
            expect(bits + part.units * unitBits).toBeLessThanOrEqual(140 * 8);
            if (options.gsm7Packing !== 'unpacked') expect(part.userData.length).toBeLessThanOrEqual(140);
            // No part starts with the second half of a surrogate pair.
            const first = part.text.charCodeAt(0);
            expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
            const tables = result.shiftTables.locking || result.shiftTables.single ? turkish : null;
            const decoded = decode(part.payload, {
              encoding: result.encoding,
              gsm7Packing: options.gsm7Packing ?? 'packed',
              udhBytes: part.udh.length,
              septets: part.units,
              lockingShift: result.shiftTables.locking ? tables : null,
              singleShift: result.shiftTables.single ? tables : null,
            });
            // An escape pair is whole: every part decodes to exactly its own text.
            expect(decoded).toBe(part.text);
          }
        }),
        { numRuns: 60 },
      );
    });
  });
});
