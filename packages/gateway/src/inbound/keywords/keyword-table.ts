import type { KnownOptOutScope } from '@karvon/contract';

/** What a keyword asks for: stop messages, start them again, or send the help text. */
export type KeywordAction = 'opt_out' | 'opt_in' | 'help';

/** The language a keyword belongs to, which is also the language to answer in. */
export type KeywordLanguage = 'en' | 'ru' | 'uz';

export interface KeywordEntry {
  readonly action: KeywordAction;
  readonly language: KeywordLanguage;
  /**
   * Written as people type them; matching normalises both sides (see normalise-keyword.ts), so
   * case, apostrophe variants, ё/е and the Cyrillic spelling of an Uzbek Latin word need no entry
   * of their own. A word may be a phrase of several words (`STOP ALL`).
   */
  readonly words: readonly string[];
  /**
   * Opt-outs only. `all` also stops transactional messages (see compliance/consent-rules.ts:
   * STOPALL is the recipient saying "nothing at all"); the default is `account`, which stops
   * promotions.
   */
  readonly scope?: KnownOptOutScope;
}

/**
 * The opt-out, opt-in and help keywords, per language.
 *
 * Normalisation folds Uzbek Cyrillic into Uzbek Latin, so `ТЎХТАТИШ` and `TOʻXTATISH` are one
 * word; the Cyrillic forms are still listed where they are the usual spelling, so the table reads
 * as a list of what people send (and the keyword reported back is written in the script the
 * recipient used). Russian words are transliterated by the same table, which is why a Russian
 * speaker's Latin `OTPISATSYA` finds `ОТПИСАТЬСЯ`.
 *
 * A word that normalises like another word of a different action (or, within one script, a
 * different language) is a data error: keyword-table.test.ts checks there is none, and building
 * a lookup from such a table throws.
 */
export const KEYWORDS: readonly KeywordEntry[] = [
  // English: the CTIA/carrier set (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE) and
  // Twilio's defaults (STOPALL, OPTOUT). Every one of them opts out even when the recipient
  // might have meant something else ("CANCEL" an order): carriers treat them as opt-outs.
  {
    action: 'opt_out',
    language: 'en',
    words: ['STOP', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'OPT OUT', 'REVOKE'],
  },
  { action: 'opt_out', language: 'en', scope: 'all', words: ['STOPALL', 'STOP ALL'] },
  { action: 'opt_in', language: 'en', words: ['START', 'UNSTOP', 'SUBSCRIBE', 'YES', 'OPTIN', 'OPT IN'] },
  { action: 'help', language: 'en', words: ['HELP', 'INFO'] },

  // Russian. ОТПИСАТЬСЯ "to unsubscribe", ОТПИШИТЕ "unsubscribe me" (the polite imperative people
  // actually write), ОТПИСКА "unsubscription", ОТМЕНА "cancel", ХВАТИТ "enough". The Latin
  // spellings are Russian typed on a Latin keyboard where it differs from our transliteration:
  // Х is typed H or KH (we read Cyrillic Х as X, as Uzbek does) and -ТЬСЯ often as -TSIA.
  {
    action: 'opt_out',
    language: 'ru',
    words: [
      'СТОП',
      'ОТПИСАТЬСЯ',
      'ОТПИСАТЬ',
      'ОТПИШИТЕ',
      'ОТПИСКА',
      'ОТМЕНА',
      'ХВАТИТ',
      'OTPISATSIA',
      'HVATIT',
      'KHVATIT',
    ],
  },
  // "Stop everything"; written with Ё here, matched with or without the dots (ВСЕ).
  { action: 'opt_out', language: 'ru', scope: 'all', words: ['СТОП ВСЁ'] },
  { action: 'opt_in', language: 'ru', words: ['СТАРТ', 'ПОДПИСАТЬСЯ'] },
  // ПОМОЩЬ "help", СПРАВКА "information desk / help", ИНФО "info".
  { action: 'help', language: 'ru', words: ['ПОМОЩЬ', 'СПРАВКА', 'ИНФО'] },

  // Uzbek, Latin (1995 alphabet, oʻ/gʻ with U+02BB) and Cyrillic. STOP and START are the English
  // entries: Uzbek speakers use them as they are.
  // TOʻXTATISH "to stop (it)", TOʻXTATING "stop it, please", TOʻXTA "stop!"; BEKOR "cancelled"
  // (BEKOR QILISH "to cancel" starts with it); OBUNANI BEKOR QILISH "cancel the subscription" and
  // OBUNADAN CHIQISH "leave the subscription" are the phrases Uzbek apps and operators use.
  // TOʻXTATISH without the apostrophe (TOXTATISH) needs no entry: apostrophes are ignored.
  {
    action: 'opt_out',
    language: 'uz',
    words: [
      'TOʻXTATISH',
      'TOʻXTATING',
      'TOʻXTA',
      'BEKOR',
      'OBUNANI BEKOR QILISH',
      'OBUNADAN CHIQISH',
      'ТЎХТАТИШ',
      'ТЎХТАТИНГ',
      'ТЎХТА',
      'БЕКОР',
      // Common misspellings that normalisation cannot fold without merging real letters:
      // h for x (the two are often confused), and the Cyrillic word typed on a Russian keyboard,
      // which has no Ў or Қ (ТУХТАТИШ, КИЛИШ).
      'TOʻHTATISH',
      'TOʻHTA',
      'TUXTATISH',
      'TUXTA',
      'OBUNANI BEKOR KILISH',
    ],
  },
  // BOSHLASH "to start", OBUNA "subscription" (OBUNA BOʻLISH "to subscribe" starts with it).
  { action: 'opt_in', language: 'uz', words: ['BOSHLASH', 'OBUNA', 'БОШЛАШ', 'ОБУНА'] },
  // YORDAM "help", MAʼLUMOT "information" (the Cyrillic hard sign Ъ is the Latin ʼ; both are dropped).
  { action: 'help', language: 'uz', words: ['YORDAM', 'MAʼLUMOT', 'ЁРДАМ', 'МАЪЛУМОТ'] },
];

/**
 * Words a recipient may put before a keyword without hiding it ("please stop", "илтимос
 * тўхтатинг"). A fixed list rather than "any word" so that "don't stop" and "never stop" are not
 * read as STOP.
 */
export const COURTESY_WORDS: readonly string[] = ['PLEASE', 'PLS', 'PLZ', 'ПОЖАЛУЙСТА', 'ILTIMOS', 'ИЛТИМОС'];
