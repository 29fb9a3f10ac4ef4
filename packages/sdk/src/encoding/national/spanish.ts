import { defineNationalLanguage } from './define-national-language';
import type { NationalLanguageTables } from './types';

/**
 * Spanish, national language identifier 2: 3GPP TS 23.038 Annex A.2.2 (single shift).
 *
 * Spanish has no locking shift table (A.3.2 is void): the default alphabet already
 * holds ñ, Ñ, é, ü and the like, and the single shift table adds the acute vowels
 * (á Á í Í ó Ó ú Ú) and ç to the default extension characters.
 */
export const spanish: NationalLanguageTables = defineNationalLanguage({
  language: 'Spanish',
  id: 2,
  // Reached with the escape 0x1B. 0x0A is the page break (form feed) in every single
  // shift table; 0x1B is reserved for a further extension table and has no character.
  // biome-ignore-start lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
  singleShift: {
    0x09: 'ç', // U+00E7
    0x0a: '\f', // U+000C
    0x14: '^', // U+005E
    0x28: '{', // U+007B
    0x29: '}', // U+007D
    0x2f: '\\', // U+005C
    0x3c: '[', // U+005B
    0x3d: '~', // U+007E
    0x3e: ']', // U+005D
    0x40: '|', // U+007C
    0x41: 'Á', // U+00C1
    0x49: 'Í', // U+00CD
    0x4f: 'Ó', // U+00D3
    0x55: 'Ú', // U+00DA
    0x61: 'á', // U+00E1
    0x65: '€', // U+20AC
    0x69: 'í', // U+00ED
    0x6f: 'ó', // U+00F3
    0x75: 'ú', // U+00FA
  },
  // biome-ignore-end lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
});
