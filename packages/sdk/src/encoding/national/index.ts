// National language shift tables (3GPP TS 23.038 §6.2.1.2.4 / §6.2.1.2.5), a subpath of
// their own so the base encoding entry does not carry them. Pass the ones you want to
// `analyze(text, { nationalTables: [turkish] })`.
export { defineNationalLanguage } from './define-national-language';
export { portuguese } from './portuguese';
export { spanish } from './spanish';
export { turkish } from './turkish';
export type { NationalLanguageTables } from './types';
