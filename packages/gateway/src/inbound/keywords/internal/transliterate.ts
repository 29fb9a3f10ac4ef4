/**
 * Cyrillic (Uzbek and Russian) to Uzbek Latin, letter by letter, on lower-case text.
 *
 * The table is the official Uzbek correspondence of 1995 (ў→o, қ→q, ғ→g, ҳ→h, ш→sh, ч→ch,
 * ж→j, х→x, ц→ts, ъ→ʼ), which already covers every Russian letter; the apostrophes it produces
 * (oʻ, gʻ, ʼ) are dropped because normalisation drops all apostrophes. Choices beyond it:
 * - ц is always `ts` (the official table writes `s` at the start of a word or after a
 *   consonant); no keyword depends on it and `ts` is what Russian speakers type.
 * - щ→sh, ы→y, ь→(nothing), э→e: the Russian letters, as Russian speakers type them in Latin.
 * - е is `ye` at the start of a word and after a vowel or a sign (ъ, ь), `e` elsewhere (official).
 * - ё is `yo` in the same places (official: ЁРДАМ is YORDAM) but `e` after a consonant, where the
 *   official table says `yo`. Russian writers drop the dots (всё/все, ещё/еще) and the issue asks
 *   for ё and е to match; after a consonant that costs nothing in Uzbek, whose native words have ё
 *   only at the start or after a vowel. At the start of a word Russian ё/е do not fold (ёлка/елка).
 * - і, ј, ѕ, һ, ԁ, ԛ, ԝ (letters of other Cyrillic alphabets that look like Latin ones) read as
 *   the Latin letter they look like.
 * - Uzbek Latin of 1993 (ş, ç) as sh, ch: some people still type it on Turkish keyboards.
 */
const LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    ж: 'j',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'x',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sh',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    ў: 'o',
    қ: 'q',
    ғ: 'g',
    ҳ: 'h',
    і: 'i',
    ј: 'j',
    ѕ: 's',
    һ: 'h',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    ş: 'sh',
    ç: 'ch',
  }),
);

/** After these (or at the start of a word) е and ё carry a y sound: `ye`, `yo`. */
const Y_BEFORE = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ў', 'ы', 'э', 'ю', 'я', 'ъ', 'ь', 'a', 'e', 'i', 'o', 'u']);

/** Transliterates the Cyrillic letters of one lower-case word; other characters pass through. */
export function transliterateToLatin(word: string): string {
  let out = '';
  let previous = '';
  for (const ch of word) {
    if (ch === 'е' || ch === 'ё') {
      const yFirst = previous === '' || Y_BEFORE.has(previous);
      out += yFirst ? (ch === 'е' ? 'ye' : 'yo') : 'e';
    } else {
      out += LETTERS.get(ch) ?? ch;
    }
    previous = ch;
  }
  return out;
}
