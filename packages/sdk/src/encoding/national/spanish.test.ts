import { describe, expect, it } from 'vitest';
import { spanish } from './spanish';

const single = spanish.singleShift ?? {};

describe('spanish', () => {
  it('is national language identifier 2 with a single shift table only (A.3.2 is void)', () => {
    expect(spanish.id).toBe(2);
    expect(spanish.lockingShift).toBeUndefined();
    expect(spanish.singleShift).toBeDefined();
  });

  it('matches the A.2.2 single shift table', () => {
    expect(single).toEqual({
      9: '\u00e7', // ç
      10: '\f',
      20: '^',
      40: '{',
      41: '}',
      47: '\\',
      60: '[',
      61: '~',
      62: ']',
      64: '|',
      65: '\u00c1', // Á
      73: '\u00cd', // Í
      79: '\u00d3', // Ó
      85: '\u00da', // Ú
      97: '\u00e1', // á
      101: '\u20ac', // €
      105: '\u00ed', // í
      111: '\u00f3', // ó
      117: '\u00fa', // ú
    });
  });

  it('can write the acute vowels and ç the default alphabet lacks', () => {
    for (const c of 'áíóúÁÍÓÚç') expect(Object.values(single)).toContain(c);
  });
});
