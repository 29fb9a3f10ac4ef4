import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixedText } from './__fixtures__/arbitraries';
import { analyze } from './analyze';
import { smartEncode } from './smart-encode';

describe('smartEncode', () => {
  it('replaces the Uzbek Latin ʻ and ʼ and their stand-ins with an apostrophe', () => {
    const result = smartEncode('Oʻzbekiston, gʻalaba, maʼno, o‘g‘il, ta’lim, o`q, oʽ');
    expect(result.text).toBe("O'zbekiston, g'alaba, ma'no, o'g'il, ta'lim, o'q, o'");
    expect(result.replacements[0]).toEqual({ index: 1, from: 'ʻ', to: "'" });
    expect(result.replacements).toHaveLength(8);
  });

  it('replaces curly quotes, dashes, ellipsis and odd spaces', () => {
    expect(smartEncode('“Hi” — it‘s…\u00a0ok\u2009–\u200bfine').text).toBe('"Hi" - it\'s... ok -fine');
  });

  it('reports indexes in the original text even when a replacement changes the length', () => {
    const result = smartEncode('a…b’c');
    expect(result.replacements).toEqual([
      { index: 1, from: '…', to: '...' },
      { index: 3, from: '’', to: "'" },
    ]);
  });

  it('normalises to NFC, so a decomposed é becomes the GSM-7 é', () => {
    const result = smartEncode('Cafe\u0301 \u2126');
    expect(result.text).toBe('Café Ω');
    expect(result.replacements).toEqual([
      { index: 3, from: 'e\u0301', to: 'é' },
      { index: 6, from: '\u2126', to: 'Ω' },
    ]);
  });

  it('leaves text without look-alikes untouched, returning the same string', () => {
    const text = 'Salom, dunyo! Привет 😀';
    expect(smartEncode(text)).toEqual({ text, replacements: [] });
  });

  it('only ever replaces a look-alike with GSM-7 characters', () => {
    // Every BMP character NFC leaves alone: what changes is the look-alike table's doing. (NFC
    // itself may give non-GSM characters, e.g. U+0340 → U+0300; analyze then stays UCS-2.)
    const lookalikes = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
      (char) => !(char >= '\ud800' && char <= '\udfff') && char.normalize('NFC') === char,
    );
    for (const char of lookalikes) {
      const { replacements } = smartEncode(char);
      for (const { to } of replacements) expect(analyze(to).encoding).toBe('GSM-7');
    }
  });

  it('rebuilds the result from the replacements (property)', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const { text: out, replacements } = smartEncode(text);
        let rebuilt = '';
        let at = 0;
        for (const r of replacements) {
          expect(text.slice(r.index, r.index + r.from.length)).toBe(r.from);
          rebuilt += text.slice(at, r.index) + r.to;
          at = r.index + r.from.length;
        }
        expect(rebuilt + text.slice(at)).toBe(out);
      }),
    );
  });
});

describe('analyze with smartEncoding', () => {
  it('never changes the text unless asked', () => {
    const result = analyze('Oʻzbekiston');
    expect(result.encoding).toBe('UCS-2');
    expect(result).not.toHaveProperty('text');
    expect(result).not.toHaveProperty('replacements');
  });

  it('keeps Uzbek Latin in GSM-7 and returns the new text and replacements', () => {
    const result = analyze('Oʻzbekiston Respublikasi — “Xush kelibsiz”', { smartEncoding: true });
    expect(result).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      text: 'O\'zbekiston Respublikasi - "Xush kelibsiz"',
    });
    expect(result.replacements).toHaveLength(4);
  });

  it('keeps a decomposed é in GSM-7', () => {
    expect(analyze('Cafe\u0301', { smartEncoding: true })).toMatchObject({ encoding: 'GSM-7', text: 'Café' });
  });

  it('sends the original text when the message stays UCS-2 anyway', () => {
    const text = 'Привет — “мир”';
    const result = analyze(text, { smartEncoding: true });
    expect(result).toMatchObject({ encoding: 'UCS-2', text, replacements: [] });
  });

  it('reports no replacements for text that is GSM-7 already', () => {
    expect(analyze('Hello', { smartEncoding: true })).toMatchObject({
      encoding: 'GSM-7',
      text: 'Hello',
      replacements: [],
    });
  });
});
