import { encode } from '@karvon/sdk/encoding';

/**
 * The receipt text as `short_message` bytes: GSM-7 unpacked, `data_coding` 0, as SMSCs send
 * it. Characters of the quoted message text that GSM-7 lacks become `?`. Encoding here, rather
 * than handing the `smpp` package a string, also spares its per-call GSM coder set-up.
 */
export function receiptBytes(text: string): Buffer {
  try {
    return Buffer.from(encode(text, { encoding: 'GSM-7' }));
  } catch {
    let safe = '';
    for (const char of text) {
      try {
        encode(char, { encoding: 'GSM-7' });
        safe += char;
      } catch {
        safe += '?';
      }
    }
    return Buffer.from(encode(safe, { encoding: 'GSM-7' }));
  }
}
