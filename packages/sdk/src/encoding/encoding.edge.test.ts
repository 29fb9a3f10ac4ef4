// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest';
import { analyze, decode, encode, smartEncode, split } from './index';
import { turkish } from './national/turkish';

// The encoding subpath runs in edge functions (and the gateway): the same calls, in vitest's
// edge-runtime environment, with no Node built-ins. (Buffer is still visible there; biome's
// rule bans it from the source.)
describe('encoding on an edge runtime', () => {
  it('analyzes GSM-7, UCS-2, graphemes and national tables', () => {
    expect(analyze('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(analyze('Salom 😀').nonGsmCharacters).toEqual([{ character: '😀', index: 6 }]);
    expect(analyze(`${'я'.repeat(65)}🇺🇿${'я'.repeat(64)}`, { segmentation: 'graphemes' }).segments).toBe(3);
    expect(analyze('ş'.repeat(150), { nationalTables: [turkish] }).shiftTables.locking).toBe('Turkish');
  });

  it('smart-encodes, splits and round-trips the wire forms', () => {
    expect(smartEncode('Oʻzbekiston').text).toBe("O'zbekiston");
    const text = `${'a'.repeat(152)}€${'b'.repeat(20)}`;
    const { parts } = split(text, { reference: 5 });
    expect(parts.map((p) => p.udh[5])).toEqual([1, 2]);
    const decoded = parts.map((p) =>
      decode(p.payload, { encoding: 'GSM-7', gsm7Packing: 'packed', udhBytes: p.udh.length, septets: p.units }),
    );
    expect(decoded.join('')).toBe(text);
    expect(decode(encode('Привет 😀', { encoding: 'UCS-2' }), { encoding: 'UCS-2' })).toBe('Привет 😀');
  });
});
