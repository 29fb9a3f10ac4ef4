import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordWords, normaliseKeyword } from './normalise-keyword';

const APOSTROPHES = ["'", '`', '´', 'ʻ', 'ʼ', 'ʹ', 'ʽ', '‘', '’', '‛', '′', 'ꞌ', '＇', '｀'];

describe('normaliseKeyword', () => {
  it('makes every spelling of TOʻXTATISH from the issue one word', () => {
    const spellings = ['TOʻXTATISH', 'TOXTATISH', "TO'XTATISH", ...APOSTROPHES.map((a) => `TO${a}XTATISH`), 'ТЎХТАТИШ'];
    for (const spelling of spellings) expect(normaliseKeyword(spelling), spelling).toBe('toxtatish');
  });

  it('folds case without a locale, including Turkish dotted and dotless i', () => {
    expect(normaliseKeyword('StOp')).toBe('stop');
    expect(normaliseKeyword('İNFO')).toBe('info');
    expect(normaliseKeyword('ınfo')).toBe('info');
    expect(normaliseKeyword('HELP')).toBe(normaliseKeyword('help'));
    expect(normaliseKeyword('Straße')).toBe('strasse');
  });

  it('applies NFKC: full-width, mathematical and decomposed letters', () => {
    expect(normaliseKeyword('ＳＴＯＰ')).toBe('stop');
    expect(normaliseKeyword('𝐒𝐓𝐎𝐏')).toBe('stop');
    expect(normaliseKeyword('ТУ\u0306ХТАТИШ')).toBe('toxtatish'); // У + combining breve is Ў
    expect(normaliseKeyword('ОТПИСАТЬСЯ')).toBe(normaliseKeyword('ОТПИСАТЬСЯ'.normalize('NFD')));
  });

  it('strips punctuation, symbols and emoji and collapses whitespace', () => {
    expect(normaliseKeyword('СТОП!!!')).toBe('stop');
    expect(normaliseKeyword('¡¿Stop?!')).toBe('stop');
    expect(normaliseKeyword('  stop \t\n\u00A0 all  ')).toBe('stop all');
    expect(normaliseKeyword('stop,please')).toBe('stop please');
    expect(normaliseKeyword('🛑STOP🛑')).toBe('stop');
    expect(normaliseKeyword('👍🏽 ❤️‍🔥 1️⃣')).toBe('1');
    expect(normaliseKeyword('#STOP *')).toBe('stop');
  });

  it('drops invisible format characters inside a word', () => {
    expect(normaliseKeyword('ST\u200BOP')).toBe('stop');
    expect(normaliseKeyword('\uFEFFSTO\u00ADP\u2060')).toBe('stop');
  });

  it('reads Latin look-alikes in a Cyrillic word as Cyrillic, and the other way round', () => {
    expect(normaliseKeyword('CТОП')).toBe('stop'); // Latin C
    expect(normaliseKeyword('STОР')).toBe('stop'); // Cyrillic О and Р
    expect(normaliseKeyword('ТOXTATISH')).toBe('toxtatish'); // Cyrillic Т
    expect(normaliseKeyword('OТПИCATЬCЯ')).toBe('otpisatsya'); // Latin O, C, A, T
    expect(normaliseKeyword('ТЎXТAТИШ')).toBe('toxtatish'); // Latin X and A
  });

  it('transliterates Uzbek Cyrillic by the 1995 table', () => {
    expect(normaliseKeyword('ЁРДАМ')).toBe(normaliseKeyword('YORDAM'));
    expect(normaliseKeyword('БОШЛАШ')).toBe(normaliseKeyword('BOSHLASH'));
    expect(normaliseKeyword('ОБУНАНИ БЕКОР ҚИЛИШ')).toBe(normaliseKeyword('OBUNANI BEKOR QILISH'));
    expect(normaliseKeyword('ОБУНАДАН ЧИҚИШ')).toBe('obunadan chiqish');
    expect(normaliseKeyword('ҒАЛАБА ҲА ЎҒИЛ')).toBe(normaliseKeyword('GʻALABA HA OʻGʻIL'));
    expect(normaliseKeyword('МАЪЛУМОТ')).toBe(normaliseKeyword('MAʼLUMOT'));
    expect(normaliseKeyword('ТЎХТАТИНГ')).toBe('toxtating');
    expect(normaliseKeyword('ЕТАРЛИ')).toBe('yetarli'); // е at the start is ye
    expect(normaliseKeyword('ЮЗ ЯХШИ')).toBe('yuz yaxshi');
  });

  it('transliterates Russian so Latin typing finds it', () => {
    expect(normaliseKeyword('ОТПИСАТЬСЯ')).toBe(normaliseKeyword('OTPISATSYA'));
    expect(normaliseKeyword('ОТМЕНА')).toBe('otmena');
    expect(normaliseKeyword('ПОМОЩЬ')).toBe('pomosh');
    expect(normaliseKeyword('подъезд')).toBe('podyezd');
  });

  it('treats ё as е where Russian writers drop the dots', () => {
    expect(normaliseKeyword('СТОП ВСЁ')).toBe(normaliseKeyword('СТОП ВСЕ'));
    expect(normaliseKeyword('ещё')).toBe(normaliseKeyword('еще'));
  });

  it('reads the 1993 Uzbek Latin letters ş and ç, and drops other accents', () => {
    expect(normaliseKeyword('BOŞLAŞ')).toBe('boshlash');
    expect(normaliseKeyword('çiqiş')).toBe('chiqish');
    expect(normaliseKeyword('Yordäm')).toBe('yordam');
  });

  it('returns the empty string for empty, blank and symbol-only input', () => {
    expect(normaliseKeyword('')).toBe('');
    expect(normaliseKeyword(' \n\t ')).toBe('');
    expect(normaliseKeyword('!!! 🛑 ʻʼ')).toBe('');
  });

  it('keeps digits and letters of other scripts', () => {
    expect(normaliseKeyword('STOP2')).toBe('stop2');
    expect(normaliseKeyword('停止 ①')).toBe('停止 1');
  });

  it('turns any Uzbek or Russian Cyrillic text into lower-case ASCII words', () => {
    const letters = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ'];
    const alphabet = [...letters, ...letters.map((l) => l.toUpperCase()), ' ', '-', '!'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        expect(normaliseKeyword(chars.join(''))).toMatch(/^([a-z]+( [a-z]+)*)?$/);
      }),
    );
  });

  it('always returns single-spaced words of letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(normaliseKeyword(text)).toMatch(/^([\p{L}\p{N}]+( [\p{L}\p{N}]+)*)?$/u);
      }),
    );
  });

  it('ignores case and apostrophes anywhere in a keyword', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('TOʻXTATISH', 'OBUNANI BEKOR QILISH', 'ОТПИСАТЬСЯ', 'ТЎХТАТИШ', 'STOPALL'),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...APOSTROPHES))),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        (word, inserts, upper) => {
          let mangled = [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join('');
          for (const [at, apostrophe] of inserts) {
            const i = at % (mangled.length + 1);
            mangled = mangled.slice(0, i) + apostrophe + mangled.slice(i);
          }
          expect(normaliseKeyword(mangled)).toBe(normaliseKeyword(word));
        },
      ),
    );
  });

  it('handles a megabyte of adversarial input in one pass', () => {
    // No timing assertion (speed lives in benchmarks): a super-linear pass would blow the test
    // timeout on these sizes. Alternating scripts exercise the look-alike code on every letter.
    const size = 1_000_000;
    expect(normaliseKeyword('СTОPʻ'.repeat(size / 5))).toHaveLength(size * 0.8);
    expect(normaliseKeyword(`${'a'.repeat(size)}!`)).toHaveLength(size);
    expect(normaliseKeyword('! '.repeat(size / 2))).toBe('');
    expect(normaliseKeyword('Ш'.repeat(size)) === 'sh'.repeat(size)).toBe(true);
  });
});

describe('keywordWords', () => {
  it('records the script each word was written in', () => {
    expect(keywordWords('СТОП stop 123')).toEqual([
      { text: 'stop', script: 'cyrillic' },
      { text: 'stop', script: 'latin' },
      { text: '123', script: 'other' },
    ]);
    expect(keywordWords('CТОП STОР')).toEqual([
      { text: 'stop', script: 'cyrillic' },
      { text: 'stop', script: 'latin' },
    ]);
  });
});
