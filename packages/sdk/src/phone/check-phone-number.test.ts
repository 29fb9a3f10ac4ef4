import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { OTHER_VALID, READS_AS_UZ_MOBILE, REJECTED } from './__fixtures__/phone-number-cases';
import { checkPhoneNumber } from './check-phone-number';
import { parsePhoneNumber } from './parse-phone-number';
import type { ParsePhoneNumberOptions, ParsePhoneNumberResult } from './types';

/** What checkPhoneNumber must answer: parsePhoneNumber's result without the formatting fields. */
function lean(parsed: ParsePhoneNumberResult) {
  if (!parsed.valid) return parsed;
  const { valid, e164, country, type, isMobile } = parsed;
  return { valid, e164, country, type, isMobile };
}

// Calling code, national prefixes in use (mobile, landline, toll-free) and
// the national significant number's usual length; lengths ±2 and random
// prefixes produce the invalid, too-short and too-long cases.
const PLANS = [
  {
    code: '998',
    country: 'UZ',
    prefixes: ['90', '91', '93', '94', '97', '88', '99', '33', '20', '71', '61', '55'],
    length: 9,
  },
  { code: '7', country: 'RU', prefixes: ['912', '926', '999', '495', '812', '800'], length: 10 },
  { code: '7', country: 'KZ', prefixes: ['701', '705', '747', '777', '727', '717'], length: 10 },
  { code: '1', country: 'US', prefixes: ['212', '415', '800', '900', '555'], length: 10 },
  { code: '90', country: 'TR', prefixes: ['532', '505', '212', '312', '850'], length: 10 },
  { code: '49', country: 'DE', prefixes: ['151', '160', '176', '30', '89', '800'], length: 10 },
] as const;

const SCRIPTS = [
  { zero: 0x30 }, // ASCII
  { zero: 0x660 }, // Arabic-Indic
  { zero: 0x6f0 }, // Persian
  { zero: 0xff10 }, // fullwidth
  { zero: 0x966 }, // Devanagari
] as const;

function inScript(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Puts separators people type between digits: spaces, dashes, dots, brackets, no-break spaces. */
function withJunk(digits: string, cuts: readonly number[], separators: readonly string[]): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const at = cuts.indexOf(i);
    if (at >= 0) out += separators[at % separators.length];
    out += digits[i];
  }
  return out;
}

const nationalDigits = fc
  .record({
    plan: fc.constantFrom(...PLANS),
    delta: fc.constantFrom(0, 0, 0, 0, -1, 1, -2, 2),
    tail: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }),
    randomPrefix: fc.boolean(),
    prefixIndex: fc.nat(),
  })
  .map(({ plan, delta, tail, randomPrefix, prefixIndex }) => {
    const prefix = randomPrefix ? String(tail[13]) : plan.prefixes[prefixIndex % plan.prefixes.length]!;
    const national = (prefix + tail.join('')).slice(0, Math.max(1, plan.length + delta));
    return { plan, national };
  });

const phoneInput = fc
  .record({
    number: nationalDigits,
    // How the country is given: +code, 00code, bare code, national with a trunk prefix, national.
    form: fc.constantFrom('plus', 'double-zero', 'bare', 'trunk8', 'trunk0', 'national', 'uz-810'),
    cuts: fc.uniqueArray(fc.nat({ max: 14 }), { maxLength: 5 }),
    separators: fc.array(fc.constantFrom(' ', '-', '.', '(', ')', '\u00a0', '\u2011', '/'), {
      minLength: 1,
      maxLength: 3,
    }),
    script: fc.constantFrom(...SCRIPTS),
    decoration: fc.constantFrom('', 'tel:', 'Phone: ', ' ', '+ '),
    defaultCountry: fc.constantFrom<string | undefined>(undefined, 'UZ', 'uz', 'RU', 'KZ', 'US', 'TR', 'DE', 'XX'),
    requireMobile: fc.boolean(),
  })
  .map(({ number: { plan, national }, form, cuts, separators, script, decoration, defaultCountry, requireMobile }) => {
    const digits = {
      plus: `+${plan.code}${national}`,
      'double-zero': `00${plan.code}${national}`,
      bare: `${plan.code}${national}`,
      trunk8: `8${national}`,
      trunk0: `0${national}`,
      national,
      'uz-810': `810${plan.code}${national}`,
    }[form];
    const plus = digits.startsWith('+') ? '+' : '';
    const text = decoration + plus + inScript(withJunk(digits.slice(plus.length), cuts, separators), script.zero);
    const options: ParsePhoneNumberOptions = {
      ...(defaultCountry === undefined ? {} : { defaultCountry }),
      ...(requireMobile ? { requireMobile } : {}),
    };
    return { text, options };
  });

describe('checkPhoneNumber', () => {
  it('answers an Uzbek mobile without the formatted forms', () => {
    expect(checkPhoneNumber('+998 93 123 45 67')).toEqual({
      valid: true,
      e164: '+998931234567',
      country: 'UZ',
      type: 'mobile',
      isMobile: true,
    });
  });

  it('tells a landline apart, and rejects it when a mobile is required', () => {
    expect(checkPhoneNumber('+998 71 234 56 78')).toMatchObject({ valid: true, type: 'fixed_line', isMobile: false });
    expect(checkPhoneNumber('+998 71 234 56 78', { requireMobile: true })).toMatchObject({
      valid: false,
      reason: 'not_a_mobile_number',
    });
  });

  it.each(READS_AS_UZ_MOBILE)('reads %j (default country %s) as parsePhoneNumber does', (input, defaultCountry) => {
    const options = defaultCountry === undefined ? {} : { defaultCountry };
    const result = checkPhoneNumber(input, options);
    expect(result.valid && result.e164).toBe('+998901234567');
    expect(result).toEqual(lean(parsePhoneNumber(input, options)));
  });

  it.each(OTHER_VALID)('agrees with parsePhoneNumber on %j %j', (input, options) => {
    const result = checkPhoneNumber(input, options);
    expect(result.valid).toBe(true);
    expect(result).toEqual(lean(parsePhoneNumber(input, options)));
  });

  it.each(REJECTED)('rejects %j %j with %s, as parsePhoneNumber does', (input, options, reason) => {
    const result = checkPhoneNumber(input, options);
    expect(result.valid === false && result.reason).toBe(reason);
    expect(result).toEqual(parsePhoneNumber(input, options));
  });

  it('agrees with parsePhoneNumber on generated numbers of UZ, RU, KZ, US, TR and DE with formatting junk', () => {
    let valid = 0;
    let rejected = 0;
    fc.assert(
      fc.property(phoneInput, ({ text, options }) => {
        const parsed = parsePhoneNumber(text, options);
        if (parsed.valid) {
          valid++;
          // The shared core asks getType() before isValid(): what it accepts, isValid() accepts too.
          expect(isValidPhoneNumber(parsed.e164)).toBe(true);
        } else rejected++;
        expect(checkPhoneNumber(text, options)).toEqual(lean(parsed));
      }),
      { numRuns: 3_000 },
    );
    // The generator must exercise both sides, or the agreement proves little.
    expect(valid).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it('agrees with parsePhoneNumber on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 24 }),
        fc.constantFrom<string | undefined>(undefined, 'UZ', 'US'),
        (text, defaultCountry) => {
          const options = defaultCountry === undefined ? {} : { defaultCountry };
          expect(checkPhoneNumber(text, options)).toEqual(lean(parsePhoneNumber(text, options)));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('never puts digits of the input into an error', () => {
    expect(JSON.stringify(checkPhoneNumber('+998 61 123 45 67'))).not.toMatch(/\d/);
  });
});
