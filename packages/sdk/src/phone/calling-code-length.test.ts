import metadata from 'libphonenumber-js/metadata.max.json';
import { describe, expect, it } from 'vitest';
import { callingCodeLength } from './calling-code-length';

describe('callingCodeLength', () => {
  it('agrees with every country calling code libphonenumber knows', () => {
    const codes = Object.keys(metadata.country_calling_codes);
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) {
      expect({ code, length: callingCodeLength(`${code}123456789`) }).toEqual({ code, length: code.length });
    }
  });
});
