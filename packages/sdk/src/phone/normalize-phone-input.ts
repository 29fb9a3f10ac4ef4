// Every decimal digit in Unicode (general category Nd) sits in a run of ten
// consecutive code points from 0 to 9, and runs that touch each other (the
// mathematical digits) are whole runs. So a digit's value is its distance from
// the start of its run, modulo 10, whatever the script.
const DECIMAL_DIGIT = /\p{Nd}/u;
// Plus signs people paste: ASCII, fullwidth, small and superscript.
const PLUS_SIGN = /^[+\uFF0B\uFE62\u207A]$/;

function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return (codePoint - zero) % 10;
}

/**
 * Turns what a person typed into `+` and ASCII digits: digits of any script
 * (Arabic-Indic, Persian, fullwidth, Devanagari…) become 0–9, a leading plus
 * sign of any width is kept, and everything else (spaces, dashes, dots,
 * brackets, letters such as "tel:") is dropped.
 *
 * A `+` is kept only when it comes before the first digit, so
 * `'+998 (90) 123-45-67'` becomes `'+998901234567'`.
 */
export function normalizePhoneInput(input: string): string {
  let digits = '';
  let plus = false;
  for (const char of input) {
    if (char >= '0' && char <= '9') {
      digits += char;
    } else if (char.codePointAt(0)! > 0x7f && DECIMAL_DIGIT.test(char)) {
      digits += String(digitValue(char.codePointAt(0)!));
    } else if (digits === '' && PLUS_SIGN.test(char)) {
      plus = true;
    }
  }
  return plus ? `+${digits}` : digits;
}
