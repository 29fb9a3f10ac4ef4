import type { KeywordLanguage } from './keyword-table';

export interface AccountTextOptions {
  /** Shown first so the recipient knows who is answering; omitted when blank. */
  readonly accountName: string;
}

/**
 * The keywords each language's texts tell people to send. English and Uzbek say STOP and START:
 * they are what Uzbek operators and apps print, and they are plain GSM-7. Russian says СТОП and
 * СТАРТ, since a Russian text is UCS-2 anyway. help-text.test.ts checks matchKeyword reads each
 * one as the action the text promises.
 */
export const ADVERTISED_KEYWORDS: Readonly<
  Record<KeywordLanguage, { readonly optOut: string; readonly optIn: string }>
> = {
  en: { optOut: 'STOP', optIn: 'START' },
  ru: { optOut: 'СТОП', optIn: 'СТАРТ' },
  uz: { optOut: 'STOP', optIn: 'START' },
};

/*
 * Lengths: English and Uzbek stay in GSM-7 and, with a name of up to 70 characters, in one
 * 160-character part. Uzbek is written with the ASCII apostrophe (bo'lish, not boʻlish): U+02BB
 * is not in GSM-7 and would make the whole text UCS-2, cutting a part to 70 characters. Russian
 * cannot be GSM-7; its texts fit one 70-character UCS-2 part with a name of up to 16 characters.
 */
const HELP: Readonly<Record<KeywordLanguage, string>> = {
  en: 'Reply STOP to unsubscribe, START to subscribe again.',
  ru: 'Отписаться: СТОП. Подписаться снова: СТАРТ.',
  uz: "Obunani bekor qilish uchun STOP, qayta obuna bo'lish uchun START deb yozing.",
};

const CONFIRMATIONS: Readonly<Record<'opt_out' | 'opt_in', Readonly<Record<KeywordLanguage, string>>>> = {
  opt_out: {
    en: 'You are unsubscribed and will get no more messages. Reply START to subscribe again.',
    ru: 'Вы отписались от рассылки. Подписаться снова: СТАРТ.',
    uz: "Obunangiz bekor qilindi. Qayta obuna bo'lish uchun START deb yozing.",
  },
  opt_in: {
    en: 'You are subscribed again. Reply STOP to unsubscribe.',
    ru: 'Вы снова подписаны на рассылку. Отписаться: СТОП.',
    uz: "Siz qayta obuna bo'ldingiz. Obunani bekor qilish uchun STOP deb yozing.",
  },
};

function withAccountName(text: string, { accountName }: AccountTextOptions): string {
  const name = accountName.replace(/\s+/gu, ' ').trim();
  return name === '' ? text : `${name}: ${text}`;
}

/**
 * The answer to HELP when the account has not written its own: who is sending and how to stop.
 *
 * @example defaultHelpText('en', { accountName: 'Korzinka' })
 * // 'Korzinka: Reply STOP to unsubscribe, START to subscribe again.'
 */
export function defaultHelpText(language: KeywordLanguage, options: AccountTextOptions): string {
  return withAccountName(HELP[language], options);
}

/** The answer to an opt-out or opt-in keyword, which also says how to undo it. */
export function confirmationText(
  action: 'opt_out' | 'opt_in',
  language: KeywordLanguage,
  options: AccountTextOptions,
): string {
  return withAccountName(CONFIRMATIONS[action][language], options);
}
