// Country calling codes form a prefix code (ITU-T E.164 assignments): a
// number starting with 1 or 7 has a one-digit code, one starting with a code
// below has a two-digit code, and every other assigned code has three digits.
// Kept free of libphonenumber so masking stays tiny wherever logs are written.
const TWO_DIGIT_CODES = new Set([
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
]);

/** Length of the country calling code at the start of an international number's digits. */
export function callingCodeLength(digits: string): 1 | 2 | 3 {
  const first = digits[0];
  if (first === '1' || first === '7') return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}
