import { describe, expect, it } from 'vitest';
import { pickLocale } from './pick-locale';

describe('pickLocale', () => {
  it('takes the language of the customer locale', () => {
    expect(pickLocale('uz-UZ', 'en')).toBe('uz');
    expect(pickLocale('ru', 'en')).toBe('ru');
    expect(pickLocale('en_US', 'ru')).toBe('en');
    expect(pickLocale('uz-Cyrl-UZ', 'en')).toBe('uz');
  });

  it('falls back to the shop default for other or missing locales', () => {
    expect(pickLocale('de-DE', 'ru')).toBe('ru');
    expect(pickLocale(null, 'uz')).toBe('uz');
    expect(pickLocale('', 'en')).toBe('en');
  });
});
