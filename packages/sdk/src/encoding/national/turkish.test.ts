import { describe, expect, it } from 'vitest';
import { turkish } from './turkish';

const locking = turkish.lockingShift ?? [];
const single = turkish.singleShift ?? {};
const cp = (c: string | null | undefined) => c?.codePointAt(0);

describe('turkish', () => {
  it('is national language identifier 1 with both tables', () => {
    expect(turkish.id).toBe(1);
    expect(turkish.lockingShift).toBeDefined();
    expect(turkish.singleShift).toBeDefined();
  });

  it('matches the A.3.1 locking shift table at the positions that differ from the default alphabet', () => {
    // [septet, code point] pairs read off 3GPP TS 23.038 Annex A.3.1.
    const expected: [number, number][] = [
      [0x04, 0x20ac], // € (default: è)
      [0x07, 0x0131], // ı (default: ì)
      [0x0b, 0x011e], // Ğ (default: Ø)
      [0x0c, 0x011f], // ğ (default: ø)
      [0x1c, 0x015e], // Ş (default: Æ)
      [0x1d, 0x015f], // ş (default: æ)
      [0x40, 0x0130], // İ (default: ¡)
      [0x60, 0x00e7], // ç (default: ¿)
    ];
    for (const [septet, codePoint] of expected) expect([septet, cp(locking[septet])]).toEqual([septet, codePoint]);
  });

  it('keeps the default alphabet elsewhere in the locking table', () => {
    expect(locking[0x00]).toBe('@');
    expect(locking[0x01]).toBe('£');
    expect(locking[0x09]).toBe('Ç');
    expect(locking[0x10]).toBe('Δ');
    expect(locking[0x1f]).toBe('É');
    expect(locking[0x24]).toBe('¤');
    expect(locking[0x5f]).toBe('§');
    expect(locking[0x7f]).toBe('à');
    expect(locking.slice(0x41, 0x5b).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(locking.slice(0x61, 0x7b).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('matches the A.2.1 single shift table', () => {
    expect(single).toEqual({
      10: '\f',
      20: '^',
      40: '{',
      41: '}',
      47: '\\',
      60: '[',
      61: '~',
      62: ']',
      64: '|',
      71: '\u011e', // Ğ
      73: '\u0130', // İ
      83: '\u015e', // Ş
      99: '\u00e7', // ç
      101: '\u20ac', // €
      103: '\u011f', // ğ
      105: '\u0131', // ı
      115: '\u015f', // ş
    });
  });

  it('can write every Turkish letter missing from the default alphabet with either table', () => {
    for (const c of 'ğĞıİşŞç') {
      expect(locking).toContain(c);
      expect(Object.values(single)).toContain(c);
    }
  });
});
