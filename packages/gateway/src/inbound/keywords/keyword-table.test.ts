import { describe, expect, it } from 'vitest';
import { findKeywordConflicts } from './keyword-lookup';
import { COURTESY_WORDS, KEYWORDS, type KeywordAction, type KeywordLanguage } from './keyword-table';
import { keywordWords, normaliseKeyword } from './normalise-keyword';

function entryOf(word: string) {
  return KEYWORDS.find((entry) => entry.words.includes(word));
}

describe('KEYWORDS', () => {
  it('has no conflicts: no form with two actions or, within a script, two languages', () => {
    expect(findKeywordConflicts(KEYWORDS)).toEqual([]);
  });

  it('lists no word twice in one script (a second spelling that normalises the same is dead data)', () => {
    const seen = new Map<string, string>();
    for (const entry of KEYWORDS)
      for (const word of entry.words) {
        const key = `${normaliseKeyword(word)}|${keywordWords(word)[0]?.script}`;
        expect(seen.get(key), `${word} repeats ${seen.get(key)}`).toBeUndefined();
        seen.set(key, word);
      }
  });

  it.each<[KeywordAction, KeywordLanguage, string[]]>([
    ['opt_out', 'en', ['STOP', 'STOPALL', 'STOP ALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT']],
    ['opt_in', 'en', ['START', 'UNSTOP', 'SUBSCRIBE', 'YES']],
    ['help', 'en', ['HELP', 'INFO']],
    ['opt_out', 'ru', ['СТОП', 'ОТПИСАТЬСЯ', 'ОТПИСКА', 'ОТМЕНА', 'ХВАТИТ']],
    ['opt_in', 'ru', ['СТАРТ', 'ПОДПИСАТЬСЯ']],
    ['help', 'ru', ['ПОМОЩЬ', 'СПРАВКА', 'ИНФО']],
    ['opt_out', 'uz', ['TOʻXTATISH', 'TOʻXTA', 'BEKOR', 'OBUNANI BEKOR QILISH', 'ТЎХТАТИШ', 'БЕКОР']],
    ['opt_in', 'uz', ['BOSHLASH', 'OBUNA', 'ОБУНА', 'БОШЛАШ']],
    ['help', 'uz', ['YORDAM', 'ЁРДАМ']],
  ])('has the %s words the issue asks for in %s', (action, language, words) => {
    for (const word of words) expect(entryOf(word), word).toMatchObject({ action, language });
  });

  it('gives STOPALL and STOP ALL the scope `all`, and plain STOP none', () => {
    expect(entryOf('STOPALL')?.scope).toBe('all');
    expect(entryOf('STOP ALL')?.scope).toBe('all');
    expect(entryOf('STOP')?.scope).toBeUndefined();
  });

  it('spells each Uzbek Cyrillic word so it normalises like its Latin twin', () => {
    const twins = [
      ['ТЎХТАТИШ', 'TOʻXTATISH'],
      ['ТЎХТАТИНГ', 'TOʻXTATING'],
      ['ТЎХТА', 'TOʻXTA'],
      ['БЕКОР', 'BEKOR'],
      ['БОШЛАШ', 'BOSHLASH'],
      ['ОБУНА', 'OBUNA'],
      ['ЁРДАМ', 'YORDAM'],
      ['МАЪЛУМОТ', 'MAʼLUMOT'],
    ];
    for (const [cyrillic, latin] of twins) {
      expect(entryOf(cyrillic!)?.language).toBe('uz');
      expect(normaliseKeyword(cyrillic!), cyrillic).toBe(normaliseKeyword(latin!));
    }
  });

  it('writes words with letters only, so nothing depends on punctuation rules', () => {
    for (const entry of KEYWORDS)
      for (const word of entry.words) expect(word, word).toMatch(/^[\p{L}ʻʼ]+( [\p{L}ʻʼ]+)*$/u);
  });
});

describe('COURTESY_WORDS', () => {
  it('contains no keyword, which would make "please" an action', () => {
    const forms = new Set(KEYWORDS.flatMap((entry) => entry.words.map(normaliseKeyword)));
    for (const word of COURTESY_WORDS) expect(forms.has(normaliseKeyword(word)), word).toBe(false);
  });
});
