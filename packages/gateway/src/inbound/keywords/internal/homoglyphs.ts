/**
 * Latin and Cyrillic letters that look alike, and which script a word that mixes them is written
 * in. People (and spammers testing filters) type `CТОП` with a Latin C or `STОP` with a Cyrillic
 * О; both should read as the word they look like.
 *
 * Pairs are given in lower case because words are case-folded first. Some only look alike in
 * upper case (B/В, H/Н, K/К, M/М, T/Т): keywords are usually sent in capitals, and the mapping
 * only applies inside a word already decided to be in the other script, so a real Latin `b` in a
 * Latin word is never touched.
 */
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['b', 'в'],
  ['c', 'с'],
  ['e', 'е'],
  ['h', 'н'],
  ['k', 'к'],
  ['m', 'м'],
  ['o', 'о'],
  ['p', 'р'],
  ['t', 'т'],
  ['x', 'х'],
  ['y', 'у'],
]);

const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'],
  ['в', 'b'],
  ['с', 'c'],
  ['е', 'e'],
  ['н', 'h'],
  ['к', 'k'],
  ['м', 'm'],
  ['о', 'o'],
  ['р', 'p'],
  ['т', 't'],
  ['х', 'x'],
  ['у', 'y'],
  // Letters of other Cyrillic alphabets that look like Latin ones.
  ['і', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
]);

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export type WordScript = 'latin' | 'cyrillic' | 'other';

/**
 * The script a lower-case word is written in: the one with more letters that have no look-alike
 * in the other (`п` in `cтоп`, `s` in `stор`); failing that, the one with more letters; a tie
 * (including a word with no letters of either) is Latin if it has any Latin letter.
 */
export function scriptOfWord(word: string): WordScript {
  let latin = 0;
  let cyrillic = 0;
  let latinOnly = 0;
  let cyrillicOnly = 0;
  for (const ch of word) {
    if (LATIN.test(ch)) {
      latin++;
      if (!LATIN_TO_CYRILLIC.has(ch)) latinOnly++;
    } else if (CYRILLIC.test(ch)) {
      cyrillic++;
      if (!CYRILLIC_TO_LATIN.has(ch)) cyrillicOnly++;
    }
  }
  if (latin === 0 && cyrillic === 0) return 'other';
  if (latinOnly !== cyrillicOnly) return latinOnly > cyrillicOnly ? 'latin' : 'cyrillic';
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

/** Rewrites the look-alike letters of the other script into `script`; other letters pass through. */
export function foldLookAlikes(word: string, script: WordScript): string {
  const map = script === 'cyrillic' ? LATIN_TO_CYRILLIC : script === 'latin' ? CYRILLIC_TO_LATIN : null;
  if (map === null) return word;
  let out = '';
  for (const ch of word) out += map.get(ch) ?? ch;
  return out;
}
