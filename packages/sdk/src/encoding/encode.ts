import type { CodecOptions } from './codec-options';
import { EncodingError } from './encoding-error';
import { GSM_ESCAPE } from './gsm-alphabet';
import { type Charset, lockingSeptet, singleSeptet } from './internal/charset';
import { fillBits, packSeptets } from './internal/septets';

/**
 * Converts text to its SMS wire form: GSM-7 septets (one per octet, or packed with the fill
 * bits a UDH needs) through the default or given national tables, or UCS-2 big-endian (UTF-16
 * code units as they are, so surrogate pairs and even lone surrogates round-trip).
 *
 * @throws EncodingError when a character has no GSM-7 code in the tables given.
 * @example encode('Hi€', { encoding: 'GSM-7' }) // Uint8Array [0x48, 0x69, 0x1b, 0x65]
 */
export function encode(text: string, options: CodecOptions): Uint8Array {
  if (options.encoding === 'UCS-2') {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out[2 * i] = code >> 8;
      out[2 * i + 1] = code & 0xff;
    }
    return out;
  }
  const septets = encodeSeptets(text, {
    locking: options.lockingShift ?? null,
    single: options.singleShift ?? null,
  });
  return options.gsm7Packing === 'packed' ? packSeptets(septets, fillBits(options.udhBytes ?? 0)) : septets;
}

/** Text → unpacked septets in `charset`. */
export function encodeSeptets(text: string, charset: Charset): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const septet = lockingSeptet(code, charset);
    if (septet >= 0) {
      out[length++] = septet;
      continue;
    }
    const shifted = singleSeptet(code, charset);
    if (shifted < 0) {
      // The character itself stays out of the message: errors never carry message bodies.
      throw new EncodingError(
        `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${i} has no GSM-7 code`,
        i,
      );
    }
    out[length++] = GSM_ESCAPE;
    out[length++] = shifted;
  }
  return out.slice(0, length);
}
