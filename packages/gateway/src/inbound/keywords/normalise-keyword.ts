import { foldLookAlikes, scriptOfWord, type WordScript } from './internal/homoglyphs';
import { transliterateToLatin } from './internal/transliterate';

/**
 * Characters people type for the Uzbek oʻ/gʻ and the Russian/Uzbek hard sign, and the apostrophe
 * in general: ' ` ´ ʹ ʻ ʼ ʽ ʾ ʿ ˈ ˊ ˋ ‘ ’ ‛ ′ ‵ ꞌ Ꞌ, their full-width and Greek forms. They are
 * dropped, not turned into spaces, so TOʻXTATISH, TO'XTATISH and TOXTATISH are one word. Format
 * characters (zero-width space and joiner, soft hyphen, BOM) go with them, so `ST\u200BOP` is STOP.
 * Dropped before NFKC as well as after it: NFKC turns ´ into a space and a combining accent.
 */
const DROPPED =
  /[\p{Cf}'`\u00B4\u02B9\u02BB-\u02BF\u02C8\u02CA\u02CB\u2018\u2019\u201B\u2032\u2035\uA78B\uA78C\uFF07\uFF40\u1FEF\u1FFD]/gu;

/** A word is a run of letters, combining marks and digits; everything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const MARKS = /\p{M}/gu;

export interface KeywordWord {
  /** The word in canonical form (see normaliseKeyword). */
  readonly text: string;
  /** The script the recipient wrote the word in, before transliteration. */
  readonly script: WordScript;
}

/**
 * The words of a message in canonical form, each with the script it was written in (which
 * matchKeyword uses to answer in Russian to СТОП and in English to STOP). Linear in the length of
 * the text: regular expressions here are single character classes, which cannot backtrack.
 */
export function keywordWords(text: string): KeywordWord[] {
  const prepared = text.replace(DROPPED, '').normalize('NFKC').replace(DROPPED, '');
  const words: KeywordWord[] = [];
  for (const [raw] of prepared.matchAll(WORD)) {
    // Upper then lower: a locale-independent case fold that also sends the Turkish dotless ı to i
    // (via I), ß to ss and final ς to σ. The dotted İ becomes i plus a combining dot, dropped below.
    const folded = raw.toUpperCase().toLowerCase();
    const script = scriptOfWord(folded);
    const latin = transliterateToLatin(foldLookAlikes(folded, script));
    // Accents go last, once й, ў and ё (which are letters with marks) have been transliterated;
    // a letter that only stripping reveals (ї→і, ӯ→у) gets a second transliteration.
    const canonical = transliterateToLatin(latin.normalize('NFD').replace(MARKS, ''));
    if (canonical !== '') words.push({ text: canonical, script });
  }
  return words;
}

/**
 * A message in the one form keywords are compared in: lower-case Latin words separated by single
 * spaces.
 *
 * - Unicode NFKC (full-width ＳＴＯＰ and 𝐒𝐓𝐎𝐏 are STOP), then a locale-independent case fold.
 * - Apostrophes of every kind and invisible format characters are dropped; other punctuation,
 *   symbols and emoji separate words; whitespace collapses.
 * - Each word is given one script: a Cyrillic word's Latin look-alikes become Cyrillic (`CТОП`
 *   with a Latin C is СТОП) and a Latin word's Cyrillic look-alikes become Latin (`STОР` with a
 *   Cyrillic О and Р is STOP).
 * - Cyrillic is then transliterated to Uzbek Latin (see internal/transliterate.ts): ТЎХТАТИШ is
 *   toxtatish like TOʻXTATISH, СТОП is stop like STOP, ОТПИСАТЬСЯ is otpisatsya. Latin is the
 *   canonical script because it is Uzbek's official one and Cyrillic has a defined
 *   transliteration into it, while the way back is ambiguous (is `sh` ш or сх?).
 * - Remaining accents are dropped (ö→o, ğ→g).
 *
 * @example normaliseKeyword('  Toʻxtatish!! 🛑') // 'toxtatish'
 */
export function normaliseKeyword(text: string): string {
  return keywordWords(text)
    .map((word) => word.text)
    .join(' ');
}
