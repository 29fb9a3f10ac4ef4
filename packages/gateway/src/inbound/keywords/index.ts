// Opt-out, opt-in and help keywords of inbound (MO) messages in English, Russian and Uzbek:
// the table, the normalisation both sides go through, the matcher and the default answers.
// Pure: the inbound handler stores the opt-out and sends the answer.
export { type AccountTextOptions, confirmationText, defaultHelpText } from './help-text';
export { findKeywordConflicts, type KeywordConflict } from './keyword-lookup';
export {
  COURTESY_WORDS,
  KEYWORDS,
  type KeywordAction,
  type KeywordEntry,
  type KeywordLanguage,
} from './keyword-table';
export { type KeywordMatch, matchKeyword } from './match-keyword';
export { normaliseKeyword } from './normalise-keyword';
