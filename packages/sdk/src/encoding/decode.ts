import type { DecodeOptions } from './codec-options';
import { EncodingError } from './encoding-error';
import { GSM_ESCAPE } from './gsm-alphabet';
import { type Charset, lockingChar, singleChar } from './internal/charset';
import { fillBits, unpackSeptets } from './internal/septets';

/**
 * Converts an SMS wire form back to text: the inverse of {@link encode} with the same options.
 *
 * Per TS 23.038 §6.2.1.1, an escaped septet with no character in the single shift table reads
 * as the locking shift table's character, and escape + escape as a space.
 *
 * @throws EncodingError for UCS-2 of odd length or an unpacked septet above 0x7F.
 * @example decode(new Uint8Array([0x48, 0x69, 0x1b, 0x65]), { encoding: 'GSM-7' }) // 'Hi€'
 */
export function decode(bytes: Uint8Array, options: DecodeOptions): string {
  if (options.encoding === 'UCS-2') {
    if (bytes.length % 2 !== 0) throw new EncodingError('UCS-2 data must have an even number of bytes');
    let text = '';
    // Chunks keep String.fromCharCode within the argument limits of every engine.
    for (let start = 0; start < bytes.length; start += 8192) {
      const end = Math.min(bytes.length, start + 8192);
      const codes: number[] = [];
      for (let i = start; i < end; i += 2) codes.push((bytes[i]! << 8) | bytes[i + 1]!);
      text += String.fromCharCode(...codes);
    }
    return text;
  }
  let septets = bytes;
  if (options.gsm7Packing === 'packed') {
    const fill = fillBits(options.udhBytes ?? 0);
    let count = options.septets ?? Math.floor((bytes.length * 8 - fill) / 7);
    septets = unpackSeptets(bytes, fill, count);
    if (options.septets === undefined && count > 0 && septets[count - 1] === 0) {
      // Would one septet fewer need as many bytes? Then the last seven bits were padding.
      if (Math.ceil((fill + (count - 1) * 7) / 8) === bytes.length) count--;
      septets = septets.subarray(0, count);
    }
  } else {
    const bad = septets.findIndex((septet) => septet > 0x7f);
    if (bad >= 0) throw new EncodingError('Unpacked GSM-7 septets must be below 0x80', bad);
  }
  return decodeSeptets(septets, { locking: options.lockingShift ?? null, single: options.singleShift ?? null });
}

/** Unpacked septets in `charset` → text. */
export function decodeSeptets(septets: Uint8Array, charset: Charset): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]!;
    if (septet !== GSM_ESCAPE) {
      text += lockingChar(septet, charset) ?? '\uFFFD';
      continue;
    }
    const next = septets[++i];
    if (next === undefined) break; // A trailing escape introduces nothing.
    text += next === GSM_ESCAPE ? ' ' : (singleChar(next, charset) ?? lockingChar(next, charset) ?? '\uFFFD');
  }
  return text;
}
