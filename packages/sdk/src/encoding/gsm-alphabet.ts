/**
 * The GSM 7-bit default alphabet of 3GPP TS 23.038 §6.2.1, indexed by septet value.
 *
 * Position 0x1B is the escape to the extension table, not a character, so it is `null`.
 * Δ, Φ, Γ, Λ, Ω, Π, Ψ, Σ, Θ, Ξ are the Greek capitals (U+0394…), as the table prints them.
 */
// biome-ignore format: one source row per row of the 3GPP table
export const GSM_DEFAULT_ALPHABET: readonly (string | null)[] = Object.freeze([
  // 0x00
  '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
  // 0x10
  'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', null, 'Æ', 'æ', 'ß', 'É',
  // 0x20
  ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  // 0x30
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  // 0x40
  '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  // 0x50
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
  // 0x60
  '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  // 0x70
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
]);

/**
 * The GSM 7-bit default alphabet extension table of 3GPP TS 23.038 §6.2.1.1: septet value after
 * the escape 0x1B → character. Each of these costs two septets (escape + code).
 */
export const GSM_EXTENSION_TABLE: Readonly<Record<number, string>> = Object.freeze({
  10: '\f',
  20: '^',
  40: '{',
  41: '}',
  47: '\\',
  60: '[',
  61: '~',
  62: ']',
  64: '|',
  101: '€',
});

/** The escape septet that switches the next septet to the extension (or national single shift) table. */
export const GSM_ESCAPE = 0x1b;
