import { describe, expect, it } from 'vitest';
import { portuguese } from './portuguese';

const locking = portuguese.lockingShift ?? [];
const single = portuguese.singleShift ?? {};
const cp = (c: string | null | undefined) => c?.codePointAt(0);

describe('portuguese', () => {
  it('is national language identifier 3 with both tables', () => {
    expect(portuguese.id).toBe(3);
    expect(portuguese.lockingShift).toBeDefined();
    expect(portuguese.singleShift).toBeDefined();
  });

  it('matches the A.3.3 locking shift table', () => {
    // [septet, code point] pairs read off 3GPP TS 23.038 Annex A.3.3.
    const expected: [number, number][] = [
      [0x04, 0x00ea], // ê
      [0x06, 0x00fa], // ú
      [0x07, 0x00ed], // í
      [0x08, 0x00f3], // ó
      [0x09, 0x00e7], // ç
      [0x0b, 0x00d4], // Ô
      [0x0c, 0x00f4], // ô
      [0x0e, 0x00c1], // Á
      [0x0f, 0x00e1], // á
      [0x10, 0x0394], // Δ stays
      [0x12, 0x00aa], // ª
      [0x13, 0x00c7], // Ç
      [0x14, 0x00c0], // À
      [0x15, 0x221e], // ∞
      [0x16, 0x005e], // ^
      [0x17, 0x005c], // \
      [0x18, 0x20ac], // €
      [0x19, 0x00d3], // Ó
      [0x1a, 0x007c], // |
      [0x1c, 0x00c2], // Â
      [0x1d, 0x00e2], // â
      [0x1e, 0x00ca], // Ê
      [0x24, 0x00ba], // º
      [0x40, 0x00cd], // Í
      [0x5b, 0x00c3], // Ã
      [0x5c, 0x00d5], // Õ
      [0x5d, 0x00da], // Ú
      [0x60, 0x007e], // ~
      [0x7b, 0x00e3], // ã
      [0x7c, 0x00f5], // õ
      [0x7d, 0x0060], // `
    ];
    for (const [septet, codePoint] of expected) expect([septet, cp(locking[septet])]).toEqual([septet, codePoint]);
    expect(locking.slice(0x41, 0x5b).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(locking.slice(0x61, 0x7b).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('matches the A.2.3 single shift table, which carries the Greek capitals the locking table displaces', () => {
    expect(single).toEqual({
      5: '\u00ea', // ê
      9: '\u00e7', // ç
      10: '\f',
      11: '\u00d4', // Ô
      12: '\u00f4', // ô
      14: '\u00c1', // Á
      15: '\u00e1', // á
      18: '\u03a6', // Φ
      19: '\u0393', // Γ
      20: '^',
      21: '\u03a9', // Ω
      22: '\u03a0', // Π
      23: '\u03a8', // Ψ
      24: '\u03a3', // Σ
      25: '\u0398', // Θ
      31: '\u00ca', // Ê
      40: '{',
      41: '}',
      47: '\\',
      60: '[',
      61: '~',
      62: ']',
      64: '|',
      65: '\u00c0', // À
      73: '\u00cd', // Í
      79: '\u00d3', // Ó
      85: '\u00da', // Ú
      91: '\u00c3', // Ã
      92: '\u00d5', // Õ
      97: '\u00c2', // Â
      101: '\u20ac', // €
      105: '\u00ed', // í
      111: '\u00f3', // ó
      117: '\u00fa', // ú
      123: '\u00e3', // ã
      124: '\u00f5', // õ
      127: '\u00e2', // â
    });
  });

  it('can write the Portuguese letters the default alphabet lacks with either table', () => {
    for (const c of 'ãõâêôáíóúÃÕÂÊÔÁÍÓÚÀ') {
      expect(locking).toContain(c);
      expect(Object.values(single)).toContain(c);
    }
  });
});
