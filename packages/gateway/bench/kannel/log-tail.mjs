import { readFileSync } from 'node:fs';

/** Digit runs long enough to be phone numbers, optionally with a leading +. */
const NUMBER = /\+?\d{9,15}/g;

/** `+99890*****67`: the house mask for phone numbers in logs and errors. */
export function maskNumbers(text) {
  return text.replace(NUMBER, (found) => {
    const plus = found.startsWith('+') ? '+' : '';
    const digits = found.slice(plus.length);
    return `${plus}${digits.slice(0, 5)}${'*'.repeat(digits.length - 7)}${digits.slice(-2)}`;
  });
}

/** The last `lines` lines of a log file with phone numbers masked, or '' if it cannot be read. */
export function readLogTail(path, lines = 20) {
  try {
    return maskNumbers(readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'));
  } catch {
    return '';
  }
}
