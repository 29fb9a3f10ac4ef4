import { defineNationalLanguage } from './define-national-language';
import type { NationalLanguageTables } from './types';

/**
 * Portuguese, national language identifier 3: 3GPP TS 23.038 Annex A.3.3 (locking shift)
 * and A.2.3 (single shift).
 *
 * The locking table trades the default alphabet's Greek capitals and some Nordic letters
 * for Portuguese ones (ã õ ç ê ô á í ó ú Á Â Ã Ç Ê Í Ó Ô Õ Ú ...) and also holds ^ \ € | ~
 * directly; the single shift table carries the displaced Greek capitals (Φ Γ Ω Π Ψ Σ Θ)
 * and gives the accented letters to text that keeps the default alphabet.
 */
export const portuguese: NationalLanguageTables = defineNationalLanguage({
  language: 'Portuguese',
  id: 3,
  // Index = septet. 0x0A and 0x0D stay LF and CR; 0x1B is the escape to the single
  // shift table, not a character, hence null.
  // biome-ignore format: one line per 16 septets, as in the specification
  lockingShift: [
    '@', '£', '$', '¥', 'ê', 'é', 'ú', 'í', 'ó', 'ç', '\n', 'Ô', 'ô', '\r', 'Á', 'á', // 0x00–0x0F
    'Δ', '_', 'ª', 'Ç', 'À', '∞', '^', '\\', '€', 'Ó', '|', null, 'Â', 'â', 'Ê', 'É', // 0x10–0x1F
    ' ', '!', '"', '#', 'º', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/', // 0x20–0x2F
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', // 0x30–0x3F
    'Í', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', // 0x40–0x4F
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ã', 'Õ', 'Ú', 'Ü', '§', // 0x50–0x5F
    '~', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', // 0x60–0x6F
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ã', 'õ', '`', 'ü', 'à', // 0x70–0x7F
  ],
  // Reached with the escape 0x1B. 0x0A is the page break (form feed) in every single
  // shift table; 0x1B is reserved for a further extension table and has no character.
  // biome-ignore-start lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
  singleShift: {
    0x05: 'ê', // U+00EA
    0x09: 'ç', // U+00E7
    0x0a: '\f', // U+000C
    0x0b: 'Ô', // U+00D4
    0x0c: 'ô', // U+00F4
    0x0e: 'Á', // U+00C1
    0x0f: 'á', // U+00E1
    0x12: 'Φ', // U+03A6
    0x13: 'Γ', // U+0393
    0x14: '^', // U+005E
    0x15: 'Ω', // U+03A9
    0x16: 'Π', // U+03A0
    0x17: 'Ψ', // U+03A8
    0x18: 'Σ', // U+03A3
    0x19: 'Θ', // U+0398
    0x1f: 'Ê', // U+00CA
    0x28: '{', // U+007B
    0x29: '}', // U+007D
    0x2f: '\\', // U+005C
    0x3c: '[', // U+005B
    0x3d: '~', // U+007E
    0x3e: ']', // U+005D
    0x40: '|', // U+007C
    0x41: 'À', // U+00C0
    0x49: 'Í', // U+00CD
    0x4f: 'Ó', // U+00D3
    0x55: 'Ú', // U+00DA
    0x5b: 'Ã', // U+00C3
    0x5c: 'Õ', // U+00D5
    0x61: 'Â', // U+00C2
    0x65: '€', // U+20AC
    0x69: 'í', // U+00ED
    0x6f: 'ó', // U+00F3
    0x75: 'ú', // U+00FA
    0x7b: 'ã', // U+00E3
    0x7c: 'õ', // U+00F5
    0x7f: 'â', // U+00E2
  },
  // biome-ignore-end lint/complexity/useSimpleNumberKeys: septets are written in hex, as in the specification
});
