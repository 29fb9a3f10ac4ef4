import { defineNationalLanguage } from './define-national-language';
import type { NationalLanguageTables } from './types';

/**
 * Turkish, national language identifier 1: 3GPP TS 23.038 Annex A.3.1 (locking shift)
 * and A.2.1 (single shift).
 *
 * The locking table replaces the rarely used è, ì, Ø, ø, Æ, æ, ¡ and ¿ of the default
 * alphabet with €, ı, Ğ, ğ, Ş, ş, İ and ç; the single shift table adds the remaining
 * Turkish letters (Ğ, İ, Ş, ç, ğ, ı, ş) to the default extension characters, so text
 * that only needs a few of them can keep the default alphabet and pay two septets each.
 */
export const turkish: NationalLanguageTables = defineNationalLanguage({
  language: 'Turkish',
  id: 1,
  // Index = septet. 0x0A and 0x0D stay LF and CR; 0x1B is the escape to the single
  // shift table, not a character, hence null.
  // biome-ignore format: one line per 16 septets, as in the specification
  lockingShift: [
    '@', '£', '$', '¥', '€', 'é', 'ù', 'ı', 'ò', 'Ç', '\n', 'Ğ', 'ğ', '\r', 'Å', 'å', // 0x00–0x0F
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', null, 'Ş', 'ş', 'ß', 'É', // 0x10–0x1F
    ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/', // 0x20–0x2F
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', // 0x30–0x3F
    'İ', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', // 0x40–0x4F
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', // 0x50–0x5F
    'ç', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', // 0x60–0x6F
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', // 0x70–0x7F
  ],
  // Reached with the escape 0x1B. 0x0A is the page break (form feed) in every single
  // shift table; 0x1B is reserved for a further extension table and has no character.
  // biome-ignore-start lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
  singleShift: {
    0x0a: '\f', // U+000C
    0x14: '^', // U+005E
    0x28: '{', // U+007B
    0x29: '}', // U+007D
    0x2f: '\\', // U+005C
    0x3c: '[', // U+005B
    0x3d: '~', // U+007E
    0x3e: ']', // U+005D
    0x40: '|', // U+007C
    0x47: 'Ğ', // U+011E
    0x49: 'İ', // U+0130
    0x53: 'Ş', // U+015E
    0x63: 'ç', // U+00E7
    0x65: '€', // U+20AC
    0x67: 'ğ', // U+011F
    0x69: 'ı', // U+0131
    0x73: 'ş', // U+015F
  },
  // biome-ignore-end lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
});
