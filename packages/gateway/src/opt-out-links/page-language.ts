/** The languages of the opt-out pages: Uzbek (Latin script), Russian, English. */
export const PAGE_LANGUAGES = ['uz', 'ru', 'en'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

// Recipients are in Uzbekistan: when nothing better is known, Uzbek.
const DEFAULT_LANGUAGE: PageLanguage = 'uz';

function asPageLanguage(tag: string): PageLanguage | undefined {
  // Only the primary subtag counts: `ru-RU` is Russian and `uz-Cyrl` is still Uzbek (we serve Latin).
  const primary = tag.trim().toLowerCase().split('-')[0];
  return PAGE_LANGUAGES.find((lang) => lang === primary);
}

/** The best of our languages in an Accept-Language header (RFC 9110 §12.5.4), or undefined. */
export function bestAcceptedLanguage(header: string): PageLanguage | undefined {
  // Ties go to the first listed (strict `>` below), as browsers list by preference.
  let best: { lang: PageLanguage; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.split(';');
    const lang = asPageLanguage(tag);
    if (!lang) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q' && value !== undefined) q = Number.parseFloat(value);
    }
    // q=0 means "not this one"; a malformed q drops the entry rather than guessing.
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}

/** `?lang=` wins, then the browser's Accept-Language, then Uzbek. */
export function pickPageLanguage(input: {
  query?: string | readonly string[] | undefined;
  acceptLanguage?: string | readonly string[] | undefined;
}): PageLanguage {
  const query = typeof input.query === 'string' ? input.query : input.query?.[0];
  const fromQuery = PAGE_LANGUAGES.find((lang) => lang === query?.trim().toLowerCase());
  if (fromQuery) return fromQuery;
  const header = typeof input.acceptLanguage === 'string' ? input.acceptLanguage : input.acceptLanguage?.join(',');
  return (header === undefined ? undefined : bestAcceptedLanguage(header)) ?? DEFAULT_LANGUAGE;
}
