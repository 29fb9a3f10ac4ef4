import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gsmText, mixedText } from './__fixtures__/arbitraries';
import { lockish, singlish } from './__fixtures__/tiny-national-tables';
import { analyze } from './analyze';
import { GSM_DEFAULT_ALPHABET } from './gsm-alphabet';
import { portuguese } from './national/portuguese';
import { spanish } from './national/spanish';
import { turkish } from './national/turkish';

const gsm = (n: number) => 'a'.repeat(n);

describe('analyze: GSM-7', () => {
  it('counts the empty text as one segment with the whole capacity left', () => {
    expect(analyze('')).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      unitsUsed: 0,
      unitsLeft: 160,
      unitsPerSegment: 160,
      characters: 0,
      nonGsmCharacters: [],
      shiftTables: { locking: null, single: null },
      udhBytes: 0,
    });
  });

  it('fits 160 septets in one part and splits 161 into two of 153', () => {
    expect(analyze(gsm(160))).toMatchObject({ segments: 1, unitsUsed: 160, unitsLeft: 0, udhBytes: 0 });
    expect(analyze(gsm(161))).toMatchObject({ segments: 2, unitsLeft: 145, unitsPerSegment: 153, udhBytes: 6 });
  });

  it.each([
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('puts %i septets in %i parts of 153', (length, segments) => {
    expect(analyze(gsm(length)).segments).toBe(segments);
  });

  it('counts an extension character as two septets', () => {
    expect(analyze('{€}')).toMatchObject({ unitsUsed: 6, characters: 3, unitsLeft: 154 });
    expect(analyze(`${gsm(158)}€`)).toMatchObject({ segments: 1, unitsUsed: 160 });
    expect(analyze(`${gsm(159)}€`)).toMatchObject({ segments: 2, unitsUsed: 161 });
  });

  it('moves an escape pair that would straddle a boundary to the next part', () => {
    // 152 + 2 = 154 > 153: the € starts part 2, which then holds 2 + 152 = 154 > 153 → part 3.
    const straddling = `${gsm(152)}€${gsm(152)}`;
    expect(analyze(straddling).unitsUsed).toBe(306);
    expect(analyze(straddling)).toMatchObject({ segments: 3, unitsLeft: 152 });
    // The same septets without the straddle fit in two parts.
    expect(analyze(`€${gsm(304)}`).segments).toBe(2);
  });

  it('uses 152 septets per part with 16-bit references (7-byte UDH)', () => {
    expect(analyze(gsm(304), { referenceBits: 16 })).toMatchObject({
      segments: 2,
      unitsPerSegment: 152,
      unitsLeft: 0,
      udhBytes: 7,
    });
    expect(analyze(gsm(305), { referenceBits: 16 }).segments).toBe(3);
    expect(analyze(gsm(160), { referenceBits: 16 }).segments).toBe(1);
  });
});

describe('analyze: UCS-2', () => {
  it('switches to UCS-2 and names each non-GSM character with its index', () => {
    const result = analyze('Привет, мир');
    expect(result).toMatchObject({ encoding: 'UCS-2', segments: 1, unitsUsed: 11, unitsLeft: 59, udhBytes: 0 });
    expect(result.nonGsmCharacters.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5, 8, 9, 10]);
    expect(result.nonGsmCharacters[0]).toEqual({ character: 'П', index: 0 });
  });

  it('treats Uzbek Latin ʻ (U+02BB) as forcing UCS-2 unless smart encoding is on', () => {
    const result = analyze('Oʻzbekiston');
    expect(result.encoding).toBe('UCS-2');
    expect(result.nonGsmCharacters).toEqual([{ character: 'ʻ', index: 1 }]);
  });

  it('counts UTF-16 code units and lists a surrogate pair as one character', () => {
    const result = analyze('Hi 😀');
    expect(result).toMatchObject({ encoding: 'UCS-2', unitsUsed: 5, characters: 4 });
    expect(result.nonGsmCharacters).toEqual([{ character: '😀', index: 3 }]);
  });

  it('fits 70 code units in one part and splits 71 into parts of 67', () => {
    expect(analyze('я'.repeat(70))).toMatchObject({ segments: 1, unitsLeft: 0 });
    expect(analyze('я'.repeat(71))).toMatchObject({ segments: 2, unitsPerSegment: 67, unitsLeft: 63, udhBytes: 6 });
    expect(analyze('я'.repeat(134)).segments).toBe(2);
    expect(analyze('я'.repeat(135)).segments).toBe(3);
  });

  it('never splits a surrogate pair across parts', () => {
    // 66 units then a pair: the pair cannot take unit 67 + 68, so it starts part 2.
    const text = `${'я'.repeat(66)}😀${'я'.repeat(66)}`;
    expect(analyze(text)).toMatchObject({ unitsUsed: 134, segments: 3 });
    expect(analyze(`😀${'я'.repeat(132)}`).segments).toBe(2);
  });

  it('uses 66 code units per part with 16-bit references', () => {
    expect(analyze('я'.repeat(132), { referenceBits: 16 })).toMatchObject({ segments: 2, unitsPerSegment: 66 });
    expect(analyze('я'.repeat(133), { referenceBits: 16 }).segments).toBe(3);
  });

  it('counts a GSM-7 prefix before the first UCS-2 character in the fill', () => {
    expect(analyze(`${gsm(69)}я`).segments).toBe(1);
    expect(analyze(`${gsm(70)}я`).segments).toBe(2);
    expect(analyze(`${gsm(133)}я`).segments).toBe(2);
    expect(analyze(`${gsm(134)}я`).segments).toBe(3);
  });
});

describe('analyze: segmentation', () => {
  const flag = '🇺🇿';

  it('splits inside a flag by default, as 3GPP allows, but keeps graphemes whole when asked', () => {
    // 65 units + a flag (two pairs): 3GPP fits the first pair in part 1; graphemes moves both,
    // and the 4 + 64 units no longer fit in part 2.
    const text = `${'я'.repeat(65)}${flag}${'я'.repeat(64)}`;
    expect(analyze(text).segments).toBe(2);
    expect(analyze(text, { segmentation: 'graphemes' }).segments).toBe(3);
  });

  it('keeps an emoji ZWJ sequence in one part with graphemes segmentation', () => {
    const family = '👨‍👩‍👧'; // 8 code units
    const text = `${'я'.repeat(62)}${family}${'я'.repeat(60)}`;
    expect(analyze(text).segments).toBe(2);
    expect(analyze(text, { segmentation: 'graphemes' }).segments).toBe(3);
  });

  it('keeps CR LF together in GSM-7 with graphemes segmentation', () => {
    const text = `${gsm(152)}\r\n${gsm(100)}`;
    expect(analyze(text).segments).toBe(2);
    expect(analyze(text, { segmentation: 'graphemes' })).toMatchObject({ segments: 2, unitsLeft: 153 - 102 });
  });
});

describe('analyze: national language tables', () => {
  it('stays on the default tables, without UDH, when they suffice', () => {
    const result = analyze('Merhaba {dünya}', { nationalTables: [turkish, spanish] });
    expect(result).toMatchObject({ shiftTables: { locking: null, single: null }, udhBytes: 0, unitsUsed: 17 });
  });

  it('picks a locking shift table and counts its 3-byte IE in a one-part message', () => {
    const result = analyze('aşb', { nationalTables: [lockish] });
    expect(result).toMatchObject({
      encoding: 'GSM-7',
      shiftTables: { locking: 'Lockish', single: null },
      udhBytes: 4,
      unitsPerSegment: 155,
      unitsLeft: 152,
    });
  });

  it('picks a single shift table, where each of its characters costs two septets', () => {
    const result = analyze('ağb', { nationalTables: [singlish] });
    expect(result).toMatchObject({ shiftTables: { locking: null, single: 'Singlish' }, unitsUsed: 4, udhBytes: 4 });
  });

  it('uses both shifts when the text needs characters from each (7-byte UDH, 152 septets)', () => {
    const result = analyze('şğ', { nationalTables: [lockish, singlish] });
    expect(result).toMatchObject({ shiftTables: { locking: 'Lockish', single: 'Singlish' }, udhBytes: 7 });
    expect(result.unitsPerSegment).toBe(152);
  });

  it('shrinks concatenated parts by the national IEs (9-byte UDH: 149 septets)', () => {
    const result = analyze(`ş${gsm(200)}`, { nationalTables: [lockish] });
    expect(result).toMatchObject({ segments: 2, udhBytes: 9, unitsPerSegment: 149 });
  });

  it('falls back to UCS-2 when no allowed table holds a character', () => {
    const result = analyze('şя', { nationalTables: [lockish] });
    expect(result.encoding).toBe('UCS-2');
    expect(result.nonGsmCharacters).toEqual([{ character: 'я', index: 1 }]);
  });

  it('names the characters the default tables lack when no single combination holds them all', () => {
    // ş is only in Lockish's locking table and ŧ only in Other's: a message has one locking table.
    const other = {
      language: 'Other',
      id: 92,
      lockingShift: GSM_DEFAULT_ALPHABET.map((char, septet) => (septet === 0x05 ? 'ŧ' : char)),
    };
    const result = analyze('şŧ', { nationalTables: [lockish, other] });
    expect(result.encoding).toBe('UCS-2');
    expect(result.nonGsmCharacters.map((c) => c.character)).toEqual(['ş', 'ŧ']);
  });

  it('encodes Turkish text through the Turkish tables', () => {
    const result = analyze('Şişli’de güzel bir gün; ığdır ve Çeşme', { nationalTables: [turkish] });
    // The ’ is not Turkish GSM: UCS-2 without smart encoding.
    expect(result.encoding).toBe('UCS-2');
    const turkishText = 'Şişli de güzel bir gün; ığdır ve Çeşme';
    // Six letters outside the default alphabet (Ş ş ı ğ ı ş): the single shift alone costs 12
    // septets and 4 UDH bytes, one part either way, so it wins over the locking shift's 7 bytes.
    expect(analyze(turkishText, { nationalTables: [turkish] })).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      shiftTables: { locking: null, single: 'Turkish' },
      unitsUsed: turkishText.length + 6,
      udhBytes: 4,
    });
  });

  it('prefers the Turkish single shift alone for one Turkish letter (fewer UDH bytes, same parts)', () => {
    const result = analyze('Istanbul ş', { nationalTables: [turkish] });
    expect(result.shiftTables).toEqual({ locking: null, single: 'Turkish' });
    expect(result).toMatchObject({ unitsUsed: 11, udhBytes: 4 });
  });

  it('chooses the combination with the fewest segments, not the fewest UDH bytes', () => {
    // 150 Turkish letters: single shift = 300 septets (2 parts of 149), locking = 150 septets
    // with a 4-byte UDH (one part of 155).
    const text = 'ş'.repeat(150);
    const result = analyze(text, { nationalTables: [turkish] });
    expect(result).toMatchObject({ segments: 1, shiftTables: { locking: 'Turkish' }, unitsUsed: 150 });
  });

  it('uses the Spanish single shift for accented capitals', () => {
    const result = analyze('ÁFRICA y Perú', { nationalTables: [spanish] });
    expect(result).toMatchObject({ encoding: 'GSM-7', shiftTables: { locking: null, single: 'Spanish' } });
    expect(result.unitsUsed).toBe(13 + 2);
  });

  it('uses the Portuguese locking shift for long Portuguese text', () => {
    // 150 characters, 60 of them ç or ã: 210 septets through a single shift (two parts), 150
    // through the Portuguese locking shift (one part of 155).
    const text = 'ação '.repeat(30);
    const result = analyze(text, { nationalTables: [spanish, portuguese] });
    expect(result).toMatchObject({ encoding: 'GSM-7', segments: 1, unitsUsed: 150, udhBytes: 4 });
    expect(result.shiftTables).toEqual({ locking: 'Portuguese', single: null });
    expect(analyze(text).encoding).toBe('UCS-2');
  });
});

describe('analyze: result object', () => {
  it('lists UCS-2 characters on read and in JSON, and gives the same list each time', () => {
    const result = analyze('Ok я');
    expect(result.nonGsmCharacters).toBe(result.nonGsmCharacters);
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      unitsUsed: 4,
      unitsLeft: 66,
      unitsPerSegment: 70,
      characters: 4,
      nonGsmCharacters: [{ character: 'я', index: 3 }],
      shiftTables: { locking: null, single: null },
      udhBytes: 0,
    });
  });
});

describe('analyze: against a plain model of the 3GPP rules', () => {
  const basic = new Set(GSM_DEFAULT_ALPHABET.filter((c) => c !== null));
  const extension = new Set('\f^{}\\[~]|€');
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  // Written the slow, obvious way: atoms are code points (or graphemes), filled greedily.
  function model(text: string, referenceBits: 8 | 16, graphemes: boolean) {
    const gsm = [...text].every((c) => basic.has(c) || extension.has(c));
    const cost = (c: string) => (gsm ? (extension.has(c) ? 2 : 1) : c.length);
    const atoms = graphemes
      ? [...segmenter.segment(text)].map(({ segment }) => [...segment].reduce((sum, c) => sum + cost(c), 0))
      : [...text].map(cost);
    const total = atoms.reduce((a, b) => a + b, 0);
    const single = gsm ? 160 : 70;
    const multi = (gsm ? 153 : 67) - (referenceBits === 16 ? 1 : 0);
    if (total <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments: 1, unitsUsed: total };
    let segments = 1;
    let used = 0;
    for (const size of atoms) {
      if (used + size > multi) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments, unitsUsed: total, unitsLeft: multi - used };
  }

  it('agrees on encoding, segments and units for random mixed text', () => {
    fc.assert(
      fc.property(
        fc.oneof(mixedText, gsmText),
        fc.constantFrom(8 as const, 16 as const),
        fc.boolean(),
        (text, referenceBits, graphemes) => {
          const options = { referenceBits, segmentation: graphemes ? 'graphemes' : '3gpp' } as const;
          expect(analyze(text, options)).toMatchObject(model(text, referenceBits, graphemes));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('analyze: national table choice against trying every combination', () => {
  const tables = [turkish, spanish, portuguese];
  const lockings = [null, turkish, portuguese];
  const singles = [null, turkish, spanish, portuguese];
  const septetsIn = (table: readonly (string | null)[] | Record<number, string>) => new Set(Object.values(table));
  const defaultLocking = septetsIn(GSM_DEFAULT_ALPHABET.filter((c) => c !== null) as string[]);
  const defaultSingle = new Set('\f^{}\\[~]|€');

  // Every combination, each cost computed plainly; the best by (segments, UDH bytes).
  function bestByBruteForce(text: string) {
    let best: { segments: number; udhBytes: number } | null = null;
    for (const locking of lockings) {
      for (const single of singles) {
        const lock = locking ? septetsIn(locking.lockingShift!) : defaultLocking;
        const shift = single ? septetsIn(single.singleShift!) : defaultSingle;
        const costs = [...text].map((c) => (lock.has(c) ? 1 : shift.has(c) ? 2 : Number.NaN));
        if (costs.some(Number.isNaN)) continue;
        const national = (locking ? 3 : 0) + (single ? 3 : 0);
        const total = costs.reduce((a, b) => a + b, 0);
        const singleUdh = national ? 1 + national : 0;
        let segments = 1;
        let udh = singleUdh;
        if (total > Math.floor(((140 - singleUdh) * 8) / 7)) {
          udh = 1 + 5 + national;
          const capacity = Math.floor(((140 - udh) * 8) / 7);
          let used = 0;
          for (const cost of costs) {
            if (used + cost > capacity) {
              segments++;
              used = 0;
            }
            used += cost;
          }
        }
        if (!best || segments < best.segments || (segments === best.segments && udh < best.udhBytes)) {
          best = { segments, udhBytes: udh };
        }
      }
    }
    return best;
  }

  const letters = [...'aeiouşğıİçöüÇŞĞáíóúÁÍÓÚãõêôâÃÕÊÔÂ {}[]€|^~\\ '];
  it('finds the fewest segments, then the fewest UDH bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 500 }), (chars) => {
        const text = chars.join('');
        const expected = bestByBruteForce(text);
        const result = analyze(text, { nationalTables: tables });
        if (expected === null) expect(result.encoding).toBe('UCS-2');
        else expect(result).toMatchObject({ encoding: 'GSM-7', ...expected });
      }),
      { numRuns: 200 },
    );
  });
});
