import { maskPhoneNumbersIn } from '../logging/logger';
import type { PageLanguage } from './page-language';
import { PAGE_TEXTS, type PageTexts } from './page-texts';

/**
 * The three opt-out pages as complete HTML documents. Self-contained on
 * purpose: the page is opened from an SMS on any phone, often on a slow
 * connection, and the CSP (routes.ts) forbids every external asset and
 * script, so it must work as plain HTML with a form.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] as string);
}

// System fonts only, large tap target, contrast above WCAG AA, visible focus ring.
const STYLE =
  'body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f4f5}' +
  'main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px}' +
  'h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}p{margin:0 0 1.25rem}' +
  'button{font:inherit;font-weight:600;width:100%;min-height:3rem;border:0;border-radius:8px;background:#b42318;color:#fff;cursor:pointer}' +
  'button:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}';

function fill(template: string, values: { account?: string; number?: string }): string {
  return template.replace(/\{(account|number)\}/g, (_all, name: 'account' | 'number') =>
    escapeHtml(values[name] ?? ''),
  );
}

function htmlDocument(lang: PageLanguage, texts: PageTexts, content: string): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="robots" content="noindex,nofollow">' +
    `<title>${escapeHtml(texts.title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${content}</main></body></html>`
  );
}

export interface LinkPageInput {
  lang: PageLanguage;
  accountName: string;
  /** E.164; shown masked, never in full (the link may be forwarded or screenshotted). */
  phoneNumber: string;
}

/** "Do you want to stop messages from …?" with a button that POSTs to `action`. */
export function renderConfirmPage(input: LinkPageInput & { action: string }): string {
  const texts = PAGE_TEXTS[input.lang];
  const values = { account: input.accountName, number: maskPhoneNumbersIn(input.phoneNumber) };
  return htmlDocument(
    input.lang,
    texts,
    `<h1>${fill(texts.confirmHeading, values)}</h1><p>${fill(texts.confirmBody, values)}</p>` +
      `<form method="post" action="${escapeHtml(input.action)}"><button type="submit">${escapeHtml(texts.confirmButton)}</button></form>`,
  );
}

/** "You will no longer receive marketing messages from …". */
export function renderDonePage(input: LinkPageInput): string {
  const texts = PAGE_TEXTS[input.lang];
  const values = { account: input.accountName, number: maskPhoneNumbersIn(input.phoneNumber) };
  return htmlDocument(
    input.lang,
    texts,
    `<h1>${fill(texts.doneHeading, values)}</h1><p>${fill(texts.doneBody, values)}</p>`,
  );
}

/** An unknown or malformed code: says so without revealing anything. */
export function renderNotFoundPage(input: { lang: PageLanguage }): string {
  const texts = PAGE_TEXTS[input.lang];
  return htmlDocument(
    input.lang,
    texts,
    `<h1>${escapeHtml(texts.notFoundHeading)}</h1><p>${escapeHtml(texts.notFoundBody)}</p>`,
  );
}
