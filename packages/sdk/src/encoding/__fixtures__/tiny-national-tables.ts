import { GSM_DEFAULT_ALPHABET, GSM_EXTENSION_TABLE } from '../gsm-alphabet';
import { defineNationalLanguage } from '../national/define-national-language';
import type { NationalLanguageTables } from '../national/types';

/**
 * Made-up tables for tests that must not depend on the real 3GPP data: "Lockish" swaps è (0x04)
 * for ş in a copy of the default alphabet; "Singlish" adds ğ at 0x67 to the extension table.
 * The ids 90/91 are outside the 3GPP range on purpose.
 */
export const lockish: NationalLanguageTables = defineNationalLanguage({
  language: 'Lockish',
  id: 90,
  lockingShift: GSM_DEFAULT_ALPHABET.map((char, septet) => (septet === 0x04 ? 'ş' : char)),
});

export const singlish: NationalLanguageTables = defineNationalLanguage({
  language: 'Singlish',
  id: 91,
  singleShift: { ...GSM_EXTENSION_TABLE, 103: 'ğ' },
});
