import { analyze } from '@karvon/sdk/encoding';
import { describe, expect, it } from 'vitest';
import { ADVERTISED_KEYWORDS, confirmationText, defaultHelpText } from './help-text';
import type { KeywordLanguage } from './keyword-table';
import { matchKeyword } from './match-keyword';

const LANGUAGES: KeywordLanguage[] = ['en', 'ru', 'uz'];
const accountName = 'Korzinka';

function allTexts(language: KeywordLanguage, name = accountName): string[] {
  return [
    defaultHelpText(language, { accountName: name }),
    confirmationText('opt_out', language, { accountName: name }),
    confirmationText('opt_in', language, { accountName: name }),
  ];
}

describe('ADVERTISED_KEYWORDS', () => {
  it.each(LANGUAGES)('are read by matchKeyword as the action they promise (%s)', (language) => {
    const { optOut, optIn } = ADVERTISED_KEYWORDS[language];
    expect(matchKeyword(optOut)?.action).toBe('opt_out');
    expect(matchKeyword(optIn)?.action).toBe('opt_in');
  });
});

describe('defaultHelpText', () => {
  it.each(LANGUAGES)('names the account and says how to stop and start again (%s)', (language) => {
    const text = defaultHelpText(language, { accountName });
    expect(text.startsWith('Korzinka: ')).toBe(true);
    expect(text).toContain(ADVERTISED_KEYWORDS[language].optOut);
    expect(text).toContain(ADVERTISED_KEYWORDS[language].optIn);
  });

  it('reads as written', () => {
    expect(defaultHelpText('en', { accountName })).toBe(
      'Korzinka: Reply STOP to unsubscribe, START to subscribe again.',
    );
  });

  it('leaves out a blank name and tidies whitespace in a name', () => {
    expect(defaultHelpText('en', { accountName: '  ' })).toBe('Reply STOP to unsubscribe, START to subscribe again.');
    expect(defaultHelpText('uz', { accountName: ' Uzum\n Market ' }).startsWith('Uzum Market: ')).toBe(true);
  });
});

describe('confirmationText', () => {
  it.each(LANGUAGES)('says how to undo an opt-out and an opt-in (%s)', (language) => {
    expect(confirmationText('opt_out', language, { accountName })).toContain(ADVERTISED_KEYWORDS[language].optIn);
    expect(confirmationText('opt_in', language, { accountName })).toContain(ADVERTISED_KEYWORDS[language].optOut);
  });

  it('differs between opt-out and opt-in', () => {
    for (const language of LANGUAGES)
      expect(confirmationText('opt_out', language, { accountName })).not.toBe(
        confirmationText('opt_in', language, { accountName }),
      );
  });
});

describe('text lengths', () => {
  it.each(['en', 'uz'] as const)('keeps %s in one GSM-7 part with a 70-character name', (language) => {
    for (const text of allTexts(language, 'A'.repeat(70))) {
      const analysis = analyze(text);
      expect(analysis.encoding, text).toBe('GSM-7');
      expect(analysis.segments, text).toBe(1);
    }
  });

  it('keeps Russian in one UCS-2 part with a 16-character name', () => {
    for (const text of allTexts('ru', 'Б'.repeat(16))) {
      const analysis = analyze(text);
      expect(analysis.encoding, text).toBe('UCS-2');
      expect(analysis.segments, text).toBe(1);
    }
  });
});
