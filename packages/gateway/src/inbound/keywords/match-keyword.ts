import type { KnownOptOutScope } from '@karvon/contract';
import type { WordScript } from './internal/homoglyphs';
import { buildKeywordLookup, type KeywordCandidate, type KeywordLookup } from './keyword-lookup';
import { KEYWORDS, type KeywordEntry, type KeywordLanguage } from './keyword-table';
import { type KeywordWord, keywordWords } from './normalise-keyword';

/** A message that is a keyword: what to do, in which language to answer, and the table word. */
export type KeywordMatch =
  | {
      readonly action: 'opt_out';
      readonly language: KeywordLanguage;
      readonly keyword: string;
      /** `all` for STOPALL and its kin (transactional messages stop too), else `account`. */
      readonly scope: KnownOptOutScope;
    }
  | {
      readonly action: 'opt_in' | 'help';
      readonly language: KeywordLanguage;
      readonly keyword: string;
    };

/** Words other than keywords and courtesy words that a keyword message may carry ("stop it now"). */
const MAX_OTHER_WORDS = 2;

/**
 * Languages nobody writes in Cyrillic. Transliteration makes Cyrillic ЕС read `yes`; without this
 * a Russian "ЕС" (the EU) would opt a number back in through the English YES.
 */
const LATIN_ONLY_LANGUAGES: ReadonlySet<KeywordLanguage> = new Set(['en']);

const lookups = new WeakMap<readonly KeywordEntry[], KeywordLookup>();

function lookupFor(table: readonly KeywordEntry[]): KeywordLookup {
  let lookup = lookups.get(table);
  if (!lookup) {
    lookup = buildKeywordLookup(table);
    lookups.set(table, lookup);
  }
  return lookup;
}

interface FoundKeyword {
  readonly candidates: readonly KeywordCandidate[];
  /** The script the recipient wrote the keyword's first word in. */
  readonly script: WordScript;
}

/**
 * Whether an inbound message is a keyword, and which.
 *
 * The message is normalised (normaliseKeyword) and read word by word, each position taking the
 * longest table phrase that starts there (`STOP ALL` before `STOP`). It is a keyword message when:
 * - its first word, after any courtesy words (`please`, `пожалуйста`, `iltimos`), is a keyword:
 *   "please stop" opts out, while "don't stop sending me deals" and "never stop" do not; and
 * - it is short: at most two words that are neither keywords nor courtesy words ("Stop please",
 *   "stop sending me", "СТОП!!!", "stop stop stop stop"), so a keyword opening a longer free text
 *   ("stop sending me deals") is left to a person.
 *
 * The first keyword decides, with one exception: if a later keyword opts out, the message opts
 * out ("OBUNA BEKOR", "yes, stop"). Honouring a STOP that was not meant costs the recipient one
 * START; ignoring one that was meant is a compliance breach.
 *
 * When one normalised form has words in several languages (STOP and СТОП), the word written in
 * the recipient's script wins, so `language` is the one to answer in; a word written in Cyrillic
 * never matches an English one. `STOP` and `START` are English entries even when an Uzbek
 * speaker sends them; callers that know the account's language may prefer it for those.
 *
 * Linear in the length of the message.
 */
export function matchKeyword(text: string, table: readonly KeywordEntry[] = KEYWORDS): KeywordMatch | null {
  const lookup = lookupFor(table);
  const words = keywordWords(text);
  let first: FoundKeyword | null = null;
  let optOut: FoundKeyword | null = null;
  let others = 0;
  let i = 0;
  while (i < words.length) {
    const found = longestPhraseAt(words, i, lookup);
    if (found) {
      const keyword: FoundKeyword = { candidates: found.candidates, script: words[i]!.script };
      first ??= keyword;
      if (optOut === null && found.candidates[0]!.entry.action === 'opt_out') optOut = keyword;
      i += found.length;
      continue;
    }
    const courtesy = lookup.courtesy.has(words[i]!.text);
    // A word before the first keyword that is not a courtesy word means the message does not
    // start with a keyword.
    if (!courtesy && (first === null || ++others > MAX_OTHER_WORDS)) return null;
    i++;
  }
  const chosen = optOut ?? first;
  return chosen === null ? null : toMatch(chosen);
}

function usable(
  candidates: readonly KeywordCandidate[] | undefined,
  script: WordScript,
): readonly KeywordCandidate[] | undefined {
  if (candidates === undefined || script !== 'cyrillic') return candidates;
  const written = candidates.filter((c) => !LATIN_ONLY_LANGUAGES.has(c.entry.language));
  return written.length > 0 ? written : undefined;
}

function longestPhraseAt(
  words: readonly KeywordWord[],
  start: number,
  lookup: KeywordLookup,
): { candidates: readonly KeywordCandidate[]; length: number } | null {
  const longest = Math.min(lookup.longestPhrase, words.length - start);
  for (let length = longest; length >= 1; length--) {
    let form = words[start]!.text;
    for (let k = 1; k < length; k++) form += ` ${words[start + k]!.text}`;
    const candidates = usable(lookup.forms.get(form), words[start]!.script);
    if (candidates) return { candidates, length };
  }
  return null;
}

function toMatch({ candidates, script }: FoundKeyword): KeywordMatch {
  const { entry, word } = candidates.find((c) => c.script === script) ?? candidates[0]!;
  if (entry.action === 'opt_out')
    return { action: 'opt_out', language: entry.language, keyword: word, scope: entry.scope ?? 'account' };
  return { action: entry.action, language: entry.language, keyword: word };
}
