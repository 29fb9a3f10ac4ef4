import { describe, expect, it } from 'vitest';
import { bestAcceptedLanguage, pickPageLanguage } from './page-language';

describe('pickPageLanguage', () => {
  it('lets ?lang= win over the browser', () => {
    expect(pickPageLanguage({ query: 'en', acceptLanguage: 'ru-RU,ru;q=0.9' })).toBe('en');
    expect(pickPageLanguage({ query: 'RU', acceptLanguage: 'en' })).toBe('ru');
    expect(pickPageLanguage({ query: ['ru', 'en'] })).toBe('ru');
  });

  it('ignores a ?lang= it does not serve and falls back to Accept-Language', () => {
    expect(pickPageLanguage({ query: 'de', acceptLanguage: 'ru' })).toBe('ru');
    expect(pickPageLanguage({ query: '', acceptLanguage: 'en-GB' })).toBe('en');
  });

  it('defaults to Uzbek without any hint or with only foreign languages', () => {
    expect(pickPageLanguage({})).toBe('uz');
    expect(pickPageLanguage({ acceptLanguage: 'de-DE,fr;q=0.8' })).toBe('uz');
    expect(pickPageLanguage({ acceptLanguage: '' })).toBe('uz');
  });
});

describe('bestAcceptedLanguage', () => {
  it('picks the highest q among uz, ru and en, whatever the order', () => {
    expect(bestAcceptedLanguage('en;q=0.5, ru;q=0.8, uz;q=0.3')).toBe('ru');
    expect(bestAcceptedLanguage('de, en-US;q=0.7, uz-Latn-UZ;q=0.9')).toBe('uz');
  });

  it('takes the first listed on a tie', () => {
    expect(bestAcceptedLanguage('ru, en')).toBe('ru');
    expect(bestAcceptedLanguage('en, ru')).toBe('en');
  });

  it('treats q=0 as a refusal and drops entries with a malformed q', () => {
    expect(bestAcceptedLanguage('ru;q=0, en;q=0.1')).toBe('en');
    expect(bestAcceptedLanguage('ru;q=abc, en;q=0.1')).toBe('en');
    expect(bestAcceptedLanguage('ru;q=0')).toBeUndefined();
  });

  it('does not read a language out of a longer primary subtag', () => {
    // `rue` (Rusyn) and `en` inside `*` or `enx` are not ours.
    expect(bestAcceptedLanguage('rue, enx, *')).toBeUndefined();
  });
});
