import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { EncodingError } from '../encoding-error';
import { GSM_EXTENSION_TABLE } from '../gsm-alphabet';
import { defineNationalLanguage } from './define-national-language';
import { turkish } from './turkish';

describe('defineNationalLanguage', () => {
  it('makes custom tables usable in analyze', () => {
    const custom = defineNationalLanguage({
      language: 'Custom',
      id: 92,
      singleShift: { ...GSM_EXTENSION_TABLE, 103: 'ğ' },
    });
    expect(analyze('ağaç', { nationalTables: [custom] }).encoding).toBe('UCS-2'); // ç is in no table here
    expect(analyze('ağa', { nationalTables: [custom] })).toMatchObject({
      encoding: 'GSM-7',
      shiftTables: { single: 'Custom' },
    });
  });

  it('keeps the attached search out of enumeration and JSON', () => {
    expect(Object.keys(turkish)).toEqual(expect.not.arrayContaining([expect.stringMatching(/search/i)]));
    expect(JSON.parse(JSON.stringify(turkish)).language).toBe('Turkish');
  });

  it('refuses plain table data with an error that says what to do', () => {
    const plain = { language: 'Plain', id: 93, singleShift: { ...GSM_EXTENSION_TABLE, 103: 'ğ' } };
    expect(() => analyze('ağa', { nationalTables: [plain] })).toThrow(EncodingError);
    expect(() => analyze('ağa', { nationalTables: [plain] })).toThrow(/defineNationalLanguage/);
  });
});
