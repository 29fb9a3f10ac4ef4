import type { WordScript } from './internal/homoglyphs';
import { COURTESY_WORDS, type KeywordAction, type KeywordEntry, type KeywordLanguage } from './keyword-table';
import { keywordWords } from './normalise-keyword';

/** One table word, normalised. */
export interface KeywordCandidate {
  readonly entry: KeywordEntry;
  /** The word as the table writes it. */
  readonly word: string;
  /** The script the table writes it in, to prefer СТОП (ru) over STOP (en) for Cyrillic input. */
  readonly script: WordScript;
}

export interface KeywordLookup {
  /** Normalised form (words joined by one space) → the table words with that form, in table order. */
  readonly forms: ReadonlyMap<string, readonly KeywordCandidate[]>;
  /** The most words in one table phrase (`OBUNANI BEKOR QILISH` is 3). */
  readonly longestPhrase: number;
  /** The normalised courtesy words. */
  readonly courtesy: ReadonlySet<string>;
}

/**
 * A data error in a keyword table:
 * - `action`: words with one normalised form but different actions (or opt-out scopes), so a
 *   message could not be answered without guessing;
 * - `language`: words with one form, written in the same script, in different languages, so the
 *   answer's language would depend on table order;
 * - `empty`: a word with nothing left after normalisation (only punctuation or emoji).
 */
export interface KeywordConflict {
  readonly reason: 'action' | 'language' | 'empty';
  readonly form: string;
  readonly words: readonly {
    readonly word: string;
    readonly action: KeywordAction;
    readonly language: KeywordLanguage;
  }[];
}

function effect(entry: KeywordEntry): string {
  return entry.action === 'opt_out' ? `opt_out:${entry.scope ?? 'account'}` : entry.action;
}

function normalisedCandidates(table: readonly KeywordEntry[]): { form: string; candidate: KeywordCandidate }[] {
  const out: { form: string; candidate: KeywordCandidate }[] = [];
  for (const entry of table) {
    for (const word of entry.words) {
      const words = keywordWords(word);
      const form = words.map((w) => w.text).join(' ');
      out.push({ form, candidate: { entry, word, script: words[0]?.script ?? 'other' } });
    }
  }
  return out;
}

function listWords(candidates: readonly KeywordCandidate[]): KeywordConflict['words'] {
  return candidates.map(({ word, entry }) => ({ word, action: entry.action, language: entry.language }));
}

/** The data errors in a table (see KeywordConflict); empty for a usable table. */
export function findKeywordConflicts(table: readonly KeywordEntry[]): KeywordConflict[] {
  const byForm = new Map<string, KeywordCandidate[]>();
  for (const { form, candidate } of normalisedCandidates(table)) {
    const group = byForm.get(form);
    if (group) group.push(candidate);
    else byForm.set(form, [candidate]);
  }
  const conflicts: KeywordConflict[] = [];
  for (const [form, candidates] of byForm) {
    if (form === '') {
      conflicts.push({ reason: 'empty', form, words: listWords(candidates) });
      continue;
    }
    if (new Set(candidates.map((c) => effect(c.entry))).size > 1)
      conflicts.push({ reason: 'action', form, words: listWords(candidates) });
    for (const script of new Set(candidates.map((c) => c.script))) {
      const sameScript = candidates.filter((c) => c.script === script);
      if (new Set(sameScript.map((c) => c.entry.language)).size > 1)
        conflicts.push({ reason: 'language', form, words: listWords(sameScript) });
    }
  }
  return conflicts;
}

/**
 * Builds the lookup for a table, once: matchKeyword keeps one per table object. Throws a
 * TypeError naming the words if the table has conflicts, because a table is code and a wrong
 * one should fail its first test, not opt people out by table order.
 */
export function buildKeywordLookup(table: readonly KeywordEntry[]): KeywordLookup {
  const conflicts = findKeywordConflicts(table);
  if (conflicts.length > 0) {
    const shown = conflicts
      .slice(0, 3)
      .map(
        (c) =>
          `${c.reason} conflict on "${c.form}": ${c.words.map((w) => `${w.word} (${w.language} ${w.action})`).join(', ')}`,
      )
      .join('; ');
    const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '';
    throw new TypeError(`Invalid keyword table: ${shown}${more}`);
  }
  const forms = new Map<string, KeywordCandidate[]>();
  let longestPhrase = 1;
  for (const { form, candidate } of normalisedCandidates(table)) {
    const group = forms.get(form);
    if (group) group.push(candidate);
    else forms.set(form, [candidate]);
    longestPhrase = Math.max(longestPhrase, form.split(' ').length);
  }
  const courtesy = new Set(
    COURTESY_WORDS.map((word) =>
      keywordWords(word)
        .map((w) => w.text)
        .join(' '),
    ),
  );
  return { forms, longestPhrase, courtesy };
}
