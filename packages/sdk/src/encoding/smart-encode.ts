import { GSM_LOOKUP, GSM_LOOKUP_LIMIT } from './internal/gsm-lookup';
import type { Replacement } from './types';

/** Result of {@link smartEncode}. */
export interface SmartEncodeResult {
  /** The text after NFC normalisation and replacements. */
  readonly text: string;
  /** Each change, with its index in the original text. */
  readonly replacements: readonly Replacement[];
}

const SPACE = ' ';
const QUOTE = "'";
const DOUBLE_QUOTE = '"';
const DASH = '-';

/**
 * Unicode look-alikes → GSM 7-bit default alphabet (or extension) text. Each target is GSM-7,
 * which a test checks. Letters are not transliterated: only punctuation, spaces and modifier
 * apostrophes whose GSM-7 stand-in reads the same.
 */
const LOOKALIKES: ReadonlyMap<number, string> = new Map<number, string>([
  // Spaces: no-break, Ogham, en/em/thin/hair…, narrow no-break, medium mathematical, ideographic, tab.
  [0x0009, SPACE],
  [0x00a0, SPACE],
  [0x1680, SPACE],
  ...range(0x2000, 0x200a, SPACE),
  [0x202f, SPACE],
  [0x205f, SPACE],
  [0x3000, SPACE],
  // Invisible characters that carry nothing in an SMS: soft hyphen, zero-width space, word joiner, BOM.
  [0x00ad, ''],
  [0x200b, ''],
  [0x2060, ''],
  [0xfeff, ''],
  // Line and paragraph separators, next line.
  [0x0085, '\n'],
  [0x2028, '\n'],
  [0x2029, '\n'],
  // Apostrophes and single quotes, including the Uzbek Latin ʻ (U+02BB, in oʻ gʻ) and ʼ (U+02BC)
  // and the characters typed in their place: ‘ ’ ‚ ‛ ′ ‵ ʹ ʽ ʾ ʿ ˈ ˊ ˋ ` ´ ꞌ ＇.
  [0x2018, QUOTE],
  [0x2019, QUOTE],
  [0x201a, QUOTE],
  [0x201b, QUOTE],
  [0x2032, QUOTE],
  [0x2035, QUOTE],
  [0x02b9, QUOTE],
  [0x02bb, QUOTE],
  [0x02bc, QUOTE],
  [0x02bd, QUOTE],
  [0x02be, QUOTE],
  [0x02bf, QUOTE],
  [0x02c8, QUOTE],
  [0x02ca, QUOTE],
  [0x02cb, QUOTE],
  [0x0060, QUOTE],
  [0x00b4, QUOTE],
  [0xa78c, QUOTE],
  [0xff07, QUOTE],
  // Double quotes: “ ” „ ‟ ″ ‶ ʺ ˮ « » ＂.
  [0x201c, DOUBLE_QUOTE],
  [0x201d, DOUBLE_QUOTE],
  [0x201e, DOUBLE_QUOTE],
  [0x201f, DOUBLE_QUOTE],
  [0x2033, DOUBLE_QUOTE],
  [0x2036, DOUBLE_QUOTE],
  [0x02ba, DOUBLE_QUOTE],
  [0x02ee, DOUBLE_QUOTE],
  [0x00ab, DOUBLE_QUOTE],
  [0x00bb, DOUBLE_QUOTE],
  [0xff02, DOUBLE_QUOTE],
  [0x2039, '<'],
  [0x203a, '>'],
  // Hyphens and dashes: ‐ ‑ ‒ – — ― ⁃ − ⸺ ﹘ ﹣ －.
  ...range(0x2010, 0x2015, DASH),
  [0x2043, DASH],
  [0x2212, DASH],
  [0x2e3a, DASH],
  [0xfe58, DASH],
  [0xfe63, DASH],
  [0xff0d, DASH],
  // Dots and other punctuation.
  [0x2024, '.'],
  [0x2025, '..'],
  [0x2026, '...'],
  [0x2044, '/'],
  [0x2215, '/'],
  [0x2216, '\\'],
  [0x2217, '*'],
  [0x2223, '|'],
  [0x02c6, '^'],
  [0x02dc, '~'],
  // Full-width ASCII (！ … ～), where the ASCII character is GSM-7.
  ...fullWidth(),
]);

function range(from: number, to: number, replacement: string): [number, string][] {
  const entries: [number, string][] = [];
  for (let code = from; code <= to; code++) entries.push([code, replacement]);
  return entries;
}

function fullWidth(): [number, string][] {
  const entries: [number, string][] = [];
  for (let code = 0xff01; code <= 0xff5e; code++) {
    const ascii = code - 0xfee0;
    if (ascii < GSM_LOOKUP_LIMIT && GSM_LOOKUP[ascii] !== 0) entries.push([code, String.fromCharCode(ascii)]);
  }
  return entries;
}

// A mark (or Hangul medial/final jamo) joins the character before it when normalising to NFC.
const JOINS_PREVIOUS = /^[\p{M}\u1160-\u11ff]$/u;

/**
 * Normalises `text` to NFC (so a decomposed é becomes the GSM-7 é) and replaces Unicode
 * look-alikes (curly quotes, dashes, ellipsis, odd spaces, Uzbek ʻ and ʼ, full-width ASCII…)
 * with GSM-7 characters. Always replaces; {@link analyze} with `smartEncoding` uses the result
 * only when it avoids UCS-2.
 *
 * @example smartEncode('Oʻzbekiston — “yaxshi”') // { text: "O'zbekiston - \"yaxshi\"", replacements: [3 items] }
 */
export function smartEncode(text: string): SmartEncodeResult {
  const replacements: Replacement[] = [];
  const parts: string[] = [];
  const n = text.length;
  const normalise = text.normalize('NFC') !== text;
  let copied = 0;
  for (let i = 0; i < n; ) {
    let end = i + 1;
    if (!normalise && !LOOKALIKES.has(text.charCodeAt(i))) {
      i = end;
      continue;
    }
    if (normalise) {
      // The cluster of a character and the marks that may compose with it.
      if (isHighSurrogateAt(text, i)) end++;
      while (end < n) {
        const width = isHighSurrogateAt(text, end) ? 2 : 1;
        if (!JOINS_PREVIOUS.test(text.slice(end, end + width))) break;
        end += width;
      }
    }
    const from = text.slice(i, end);
    const normalised = normalise ? from.normalize('NFC') : from;
    let to = '';
    for (let k = 0; k < normalised.length; k++) {
      const code = normalised.charCodeAt(k);
      to += LOOKALIKES.get(code) ?? normalised[k];
    }
    if (to !== from) {
      replacements.push({ index: i, from, to });
      parts.push(text.slice(copied, i), to);
      copied = end;
    }
    i = end;
  }
  if (replacements.length === 0) return { text, replacements };
  parts.push(text.slice(copied));
  return { text: parts.join(''), replacements };
}

function isHighSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}
