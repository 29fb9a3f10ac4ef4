import { describe, expect, it } from 'vitest';
import { escapeHtml, renderConfirmPage, renderDonePage, renderNotFoundPage } from './link-page';
import { PAGE_LANGUAGES } from './page-language';

const phoneNumber = '+998901234567';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('opt-out pages', () => {
  it('asks in each language whether to stop the account’s messages, with a POST form to the action', () => {
    const questions = {
      uz: 'Acme Shop xabarlarini olishni toʻxtatmoqchimisiz?',
      ru: 'Хотите перестать получать сообщения от Acme Shop?',
      en: 'Do you want to stop messages from Acme Shop?',
    };
    for (const lang of PAGE_LANGUAGES) {
      const html = renderConfirmPage({
        lang,
        accountName: 'Acme Shop',
        phoneNumber,
        action: `/u/Ab3dE9xZ?lang=${lang}`,
      });
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${questions[lang]}</h1>`);
      expect(html).toContain(`<form method="post" action="/u/Ab3dE9xZ?lang=${lang}"><button type="submit">`);
    }
  });

  it('confirms in each language that marketing messages stop', () => {
    const done = {
      uz: 'Endi Acme Shop reklama xabarlari sizga yuborilmaydi',
      ru: 'Вы больше не будете получать рекламные сообщения от Acme Shop',
      en: 'You will no longer receive marketing messages from Acme Shop',
    };
    for (const lang of PAGE_LANGUAGES) {
      const html = renderDonePage({ lang, accountName: 'Acme Shop', phoneNumber });
      expect(html).toContain(`<h1>${done[lang]}</h1>`);
      expect(html).not.toContain('<form');
    }
  });

  it('shows the number masked, never in full', () => {
    const pages = [
      renderConfirmPage({ lang: 'en', accountName: 'Acme', phoneNumber, action: '/u/Ab3dE9xZ' }),
      renderDonePage({ lang: 'en', accountName: 'Acme', phoneNumber }),
    ];
    for (const html of pages) {
      expect(html).toContain('+99890*****67');
      expect(html).not.toContain('901234567');
    }
  });

  it('escapes the account name and the action', () => {
    const name = '<script>alert(1)</script> "Best" & Co';
    const html = renderConfirmPage({ lang: 'ru', accountName: name, phoneNumber, action: '/u/x"><img src=y>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;Best&quot; &amp; Co');
    expect(renderDonePage({ lang: 'uz', accountName: name, phoneNumber })).not.toContain('<script>');
  });

  it('does not expand placeholders that arrive inside the account name', () => {
    const html = renderConfirmPage({ lang: 'en', accountName: '{number}', phoneNumber, action: '/u/Ab3dE9xZ' });
    expect(html).toContain('from {number}?');
  });

  it('is self-contained and small: no external URLs, no script, under 10 KB', () => {
    const longName = 'Ш'.repeat(200);
    const pages = PAGE_LANGUAGES.flatMap((lang) => [
      renderConfirmPage({ lang, accountName: longName, phoneNumber, action: '/u/Ab3dE9xZ' }),
      renderDonePage({ lang, accountName: longName, phoneNumber }),
      renderNotFoundPage({ lang }),
    ]);
    for (const html of pages) {
      expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024);
      expect(html).not.toMatch(/<script|<link|src=|https?:\/\/|url\(/i);
      expect(html).toMatch(/^<!doctype html><html lang="(uz|ru|en)"><head><meta charset="utf-8">/);
    }
  });

  it('says the link is not valid without naming an account or number', () => {
    expect(renderNotFoundPage({ lang: 'ru' })).toContain('<h1>Ссылка недействительна</h1>');
    expect(renderNotFoundPage({ lang: 'uz' })).toContain('<h1>Havola yaroqsiz</h1>');
    expect(renderNotFoundPage({ lang: 'en' })).toContain('<h1>This link is not valid</h1>');
  });
});
