import { describe, expect, it } from 'vitest';
import { buildKeywordLookup, findKeywordConflicts } from './keyword-lookup';
import type { KeywordEntry } from './keyword-table';

describe('findKeywordConflicts', () => {
  it('reports words with one form and different actions', () => {
    const table: KeywordEntry[] = [
      { action: 'opt_out', language: 'uz', words: ['TOʻXTATISH'] },
      { action: 'help', language: 'uz', words: ['ТЎХТАТИШ'] },
    ];
    expect(findKeywordConflicts(table)).toEqual([
      {
        reason: 'action',
        form: 'toxtatish',
        words: [
          { word: 'TOʻXTATISH', action: 'opt_out', language: 'uz' },
          { word: 'ТЎХТАТИШ', action: 'help', language: 'uz' },
        ],
      },
    ]);
  });

  it('treats a different opt-out scope as a different action', () => {
    const table: KeywordEntry[] = [
      { action: 'opt_out', language: 'en', words: ['STOP ALL'] },
      { action: 'opt_out', language: 'en', scope: 'all', words: ['stop, all'] },
    ];
    expect(findKeywordConflicts(table).map((c) => c.reason)).toEqual(['action']);
  });

  it('reports one form in two languages within one script, but not across scripts', () => {
    const sameScript: KeywordEntry[] = [
      { action: 'help', language: 'en', words: ['INFO'] },
      { action: 'help', language: 'uz', words: ['info'] },
    ];
    expect(findKeywordConflicts(sameScript).map((c) => c.reason)).toEqual(['language']);
    const acrossScripts: KeywordEntry[] = [
      { action: 'help', language: 'en', words: ['INFO'] },
      { action: 'help', language: 'ru', words: ['ИНФО'] },
    ];
    expect(findKeywordConflicts(acrossScripts)).toEqual([]);
  });

  it('reports words that normalise to nothing', () => {
    const table: KeywordEntry[] = [{ action: 'opt_out', language: 'en', words: ['🛑'] }];
    expect(findKeywordConflicts(table)).toEqual([
      { reason: 'empty', form: '', words: [{ word: '🛑', action: 'opt_out', language: 'en' }] },
    ]);
  });
});

describe('buildKeywordLookup', () => {
  it('keys words by normalised form, in table order, and knows the longest phrase', () => {
    const lookup = buildKeywordLookup([
      { action: 'opt_out', language: 'en', words: ['STOP', 'STOP ALL NOW'] },
      { action: 'opt_out', language: 'ru', words: ['СТОП'] },
    ]);
    expect(lookup.forms.get('stop')?.map((c) => [c.word, c.script])).toEqual([
      ['STOP', 'latin'],
      ['СТОП', 'cyrillic'],
    ]);
    expect(lookup.longestPhrase).toBe(3);
    expect(lookup.courtesy.has('iltimos')).toBe(true);
  });
});
