import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import * as national from './index';
import type { NationalLanguageTables } from './types';

// Every table the subpath exports, found through the module namespace so a newly added
// language is checked by these invariants without editing this file.
const tables = Object.values(national).filter(
  (value): value is NationalLanguageTables => typeof value === 'object' && value !== null && 'id' in value,
);

describe('national language tables (invariants of 3GPP TS 23.038 §6.2.1.2.4 / §6.2.1.2.5)', () => {
  it('exports Turkish, Spanish and Portuguese under their national language identifiers', () => {
    expect(tables.map((t) => [t.language, t.id]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['Turkish', 1],
      ['Spanish', 2],
      ['Portuguese', 3],
    ]);
  });

  describe.each(tables.map((t) => [t.language, t] as const))('%s', (_name, table) => {
    it('has at least one of the two tables', () => {
      expect(table.lockingShift !== undefined || table.singleShift !== undefined).toBe(true);
    });

    if (table.lockingShift !== undefined) {
      const locking = table.lockingShift;

      it('has a locking shift table of exactly 128 septets', () => {
        expect(locking).toHaveLength(128);
      });

      it('keeps LF at 0x0A, CR at 0x0D, the space at 0x20 and the escape 0x1B unassigned', () => {
        expect(locking[0x0a]).toBe('\n');
        expect(locking[0x0d]).toBe('\r');
        expect(locking[0x20]).toBe(' ');
        expect(locking[0x1b]).toBeNull();
      });

      it('maps each septet of the locking table to one UTF-16 character, none twice', () => {
        const assigned = locking.filter((c): c is string => c !== null);
        for (const c of assigned) expect(c).toHaveLength(1);
        expect(new Set(assigned).size).toBe(assigned.length);
      });
    }

    if (table.singleShift !== undefined) {
      const single = table.singleShift;
      const septets = Object.keys(single).map(Number);

      it('keys the single shift table by septets 0x00–0x7F, never the escape 0x1B or CR 0x0D', () => {
        for (const septet of septets) {
          expect(Number.isInteger(septet) && septet >= 0 && septet <= 0x7f).toBe(true);
        }
        expect(septets).not.toContain(0x1b);
        expect(septets).not.toContain(0x0d);
      });

      it('keeps the page break (form feed) at 0x0A and the default extension characters', () => {
        expect(single[0x0a]).toBe('\f');
        // §6.2.1.1: the default extension characters keep their places in these Annex A.2 tables.
        expect(single[0x14]).toBe('^');
        expect(single[0x28]).toBe('{');
        expect(single[0x29]).toBe('}');
        expect(single[0x2f]).toBe('\\');
        expect(single[0x3c]).toBe('[');
        expect(single[0x3d]).toBe('~');
        expect(single[0x3e]).toBe(']');
        expect(single[0x40]).toBe('|');
        expect(single[0x65]).toBe('€');
      });

      it('maps each septet of the single shift table to one UTF-16 character, none twice', () => {
        const chars = Object.values(single);
        for (const c of chars) expect(c).toHaveLength(1);
        expect(new Set(chars).size).toBe(chars.length);
      });
    }
  });
});

describe('national language tables in analyze()', () => {
  it('turns Turkish text that needs UCS-2 by default into GSM-7 with the Turkish tables', () => {
    const text = 'Doğrulama kodunuz 4821. Şifrenizi kimseyle paylaşmayın, İstanbul şubesi.';
    expect(analyze(text).encoding).toBe('UCS-2');
    const withTurkish = analyze(text, { nationalTables: [national.turkish] });
    expect(withTurkish.encoding).toBe('GSM-7');
    expect(withTurkish.segments).toBe(1);
  });

  it('writes Spanish acute vowels in GSM-7 through the Spanish single shift table', () => {
    const text = 'Información: su código es 1234. Gracias por su atención.';
    expect(analyze(text).encoding).toBe('UCS-2');
    expect(analyze(text, { nationalTables: [national.spanish] })).toMatchObject({
      encoding: 'GSM-7',
      shiftTables: { single: 'Spanish' },
    });
  });

  it('writes Portuguese text in GSM-7 with the Portuguese tables', () => {
    const text = 'Atenção: a sua encomenda está a caminho. Obrigação cumprida, não responda.';
    expect(analyze(text).encoding).toBe('UCS-2');
    expect(analyze(text, { nationalTables: [national.portuguese] }).encoding).toBe('GSM-7');
  });
});
