import { describe, expect, it } from 'vitest';
import type { KeywordEntry } from './keyword-table';
import { matchKeyword } from './match-keyword';

const optOut = (language: string, keyword: string, scope = 'account') => ({
  action: 'opt_out',
  language,
  keyword,
  scope,
});

describe('matchKeyword: the examples from the issue', () => {
  it.each(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'])('opts out on %s', (word) => {
    expect(matchKeyword(word)).toMatchObject({ action: 'opt_out', language: 'en', keyword: word });
  });

  it('opts out on the Russian and Uzbek forms', () => {
    expect(matchKeyword('СТОП')).toEqual(optOut('ru', 'СТОП'));
    expect(matchKeyword('ОТПИСАТЬСЯ')).toEqual(optOut('ru', 'ОТПИСАТЬСЯ'));
    expect(matchKeyword('TOʻXTATISH')).toEqual(optOut('uz', 'TOʻXTATISH'));
    expect(matchKeyword('TOXTATISH')).toEqual(optOut('uz', 'TOʻXTATISH'));
    expect(matchKeyword("To'xtatish")).toEqual(optOut('uz', 'TOʻXTATISH'));
    expect(matchKeyword('ТЎХТАТИШ')).toEqual(optOut('uz', 'ТЎХТАТИШ'));
  });

  it('opts back in on START and UNSTOP, and answers HELP', () => {
    expect(matchKeyword('START')).toEqual({ action: 'opt_in', language: 'en', keyword: 'START' });
    expect(matchKeyword('unstop')).toEqual({ action: 'opt_in', language: 'en', keyword: 'UNSTOP' });
    expect(matchKeyword('Help')).toEqual({ action: 'help', language: 'en', keyword: 'HELP' });
  });

  it('accepts a keyword that opens a short message', () => {
    expect(matchKeyword('Stop please')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('СТОП!!!')).toEqual(optOut('ru', 'СТОП'));
    expect(matchKeyword('stop sending me')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('help me please')).toEqual({ action: 'help', language: 'en', keyword: 'HELP' });
  });

  it('never matches inside longer free text', () => {
    expect(matchKeyword("don't stop sending me deals")).toBeNull();
    expect(matchKeyword('stop sending me deals')).toBeNull();
    expect(matchKeyword('I want to stop')).toBeNull();
    expect(matchKeyword('never stop')).toBeNull();
    expect(matchKeyword('the end')).toBeNull();
  });
});

describe('matchKeyword: decisions', () => {
  it('matches "please stop": courtesy words before a keyword are skipped', () => {
    expect(matchKeyword('please stop')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('Пожалуйста, отпишите')).toEqual(optOut('ru', 'ОТПИШИТЕ'));
    expect(matchKeyword('Iltimos, toʻxtating!')).toEqual(optOut('uz', 'TOʻXTATING'));
    expect(matchKeyword('please')).toBeNull();
    expect(matchKeyword("please don't stop")).toBeNull();
  });

  it('lets repeated keywords and courtesy words through, whatever the length', () => {
    expect(matchKeyword('STOP STOP STOP STOP STOP')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('stop it now please')).toEqual(optOut('en', 'STOP'));
  });

  it('opts out when any keyword in a short message does', () => {
    expect(matchKeyword('start stop')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('Yes, stop')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('OBUNA BEKOR')).toEqual(optOut('uz', 'BEKOR'));
    expect(matchKeyword('stop start')).toEqual(optOut('en', 'STOP'));
  });

  it('lets the first keyword decide between opt-in and help', () => {
    expect(matchKeyword('start help')).toMatchObject({ action: 'opt_in', keyword: 'START' });
    expect(matchKeyword('info start')).toMatchObject({ action: 'help', keyword: 'INFO' });
  });

  it('prefers the longest phrase, which carries the scope', () => {
    expect(matchKeyword('STOP ALL')).toEqual(optOut('en', 'STOP ALL', 'all'));
    expect(matchKeyword('stop-all')).toEqual(optOut('en', 'STOP ALL', 'all'));
    expect(matchKeyword('StopAll')).toEqual(optOut('en', 'STOPALL', 'all'));
    expect(matchKeyword('stop all messages')).toEqual(optOut('en', 'STOP ALL', 'all'));
    expect(matchKeyword('СТОП ВСЕ')).toEqual(optOut('ru', 'СТОП ВСЁ', 'all'));
    expect(matchKeyword('OBUNANI BEKOR QILISH')).toEqual(optOut('uz', 'OBUNANI BEKOR QILISH'));
    expect(matchKeyword('ОБУНАНИ БЕКОР ҚИЛИШ илтимос')).toEqual(optOut('uz', 'OBUNANI BEKOR QILISH'));
  });

  it('answers in the language of the script the recipient wrote in', () => {
    expect(matchKeyword('Stop')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('стоп')).toEqual(optOut('ru', 'СТОП'));
    expect(matchKeyword('Info')).toMatchObject({ action: 'help', language: 'en', keyword: 'INFO' });
    expect(matchKeyword('Инфо')).toMatchObject({ action: 'help', language: 'ru', keyword: 'ИНФО' });
    expect(matchKeyword('СТАРТ')).toMatchObject({ action: 'opt_in', language: 'ru', keyword: 'СТАРТ' });
    expect(matchKeyword('Yordam')).toMatchObject({ action: 'help', language: 'uz', keyword: 'YORDAM' });
    expect(matchKeyword('ёрдам')).toMatchObject({ action: 'help', language: 'uz', keyword: 'ЁРДАМ' });
  });

  it('never reads a Cyrillic word as an English keyword', () => {
    expect(matchKeyword('ЕС')).toBeNull(); // transliterates to "yes"
    expect(matchKeyword('YES')).toMatchObject({ action: 'opt_in', language: 'en' });
  });

  it('finds Russian typed in Latin', () => {
    expect(matchKeyword('OTPISATSYA')).toEqual(optOut('ru', 'ОТПИСАТЬСЯ'));
    expect(matchKeyword("otpisat'sya")).toEqual(optOut('ru', 'ОТПИСАТЬСЯ'));
    expect(matchKeyword('Hvatit!')).toEqual(optOut('ru', 'HVATIT'));
  });

  it('finds Uzbek typed without its special letters', () => {
    expect(matchKeyword('ТУХТАТИШ')).toEqual(optOut('uz', 'TUXTATISH'));
    expect(matchKeyword('tohtatish')).toEqual(optOut('uz', 'TOʻHTATISH'));
    expect(matchKeyword('Обунани бекор килиш')).toEqual(optOut('uz', 'OBUNANI BEKOR KILISH'));
  });
});

describe('matchKeyword: hostile and odd input', () => {
  it('reads mixed scripts as the word they look like', () => {
    expect(matchKeyword('CТОП')).toEqual(optOut('ru', 'СТОП')); // Latin C
    expect(matchKeyword('STОР')).toEqual(optOut('en', 'STOP')); // Cyrillic О and Р
    expect(matchKeyword('TОʻXTATISH')).toEqual(optOut('uz', 'TOʻXTATISH')); // Cyrillic О
  });

  it('ignores punctuation, emoji and invisible characters', () => {
    expect(matchKeyword('🛑 STOP 🛑')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('S\u200BT\u200BO\u200BP')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('"Stop."')).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword('ＳＴＯＰ')).toEqual(optOut('en', 'STOP'));
  });

  it('returns null for empty, blank and keyword-free input', () => {
    expect(matchKeyword('')).toBeNull();
    expect(matchKeyword('   \n ')).toBeNull();
    expect(matchKeyword('👍')).toBeNull();
    expect(matchKeyword('Thanks!')).toBeNull();
    expect(matchKeyword('STOPP')).toBeNull();
    expect(matchKeyword('S T O P')).toBeNull();
  });

  it('handles very long input in linear time', () => {
    // No timing assertion (speed lives in benchmarks): these would exceed the test timeout if
    // any step were super-linear.
    expect(matchKeyword(`STOP ${'🛑'.repeat(200_000)}`)).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword(`stop ${'stop '.repeat(200_000)}`)).toEqual(optOut('en', 'STOP'));
    expect(matchKeyword(`stop ${'word '.repeat(200_000)}`)).toBeNull();
    expect(matchKeyword('please '.repeat(200_000))).toBeNull();
    expect(matchKeyword('a'.repeat(1_000_000))).toBeNull();
  });
});

describe('matchKeyword: custom tables', () => {
  it('uses the table it is given instead of the default', () => {
    const table: KeywordEntry[] = [{ action: 'opt_out', language: 'en', words: ['ALTO'] }];
    expect(matchKeyword('alto', table)).toEqual(optOut('en', 'ALTO'));
    expect(matchKeyword('STOP', table)).toBeNull();
  });

  it('throws on a table whose words conflict', () => {
    const table: KeywordEntry[] = [
      { action: 'opt_out', language: 'en', words: ['STOP'] },
      { action: 'opt_in', language: 'en', words: ['stop!'] },
    ];
    expect(() => matchKeyword('hello', table)).toThrow(TypeError);
    expect(() => matchKeyword('hello', table)).toThrow(/action conflict on "stop"/);
  });
});
