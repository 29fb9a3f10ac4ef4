import type { NationalLanguageTables } from './national/types';
import type { SmsEncoding } from './types';

/** How GSM-7 septets travel: one per octet (SMPP `short_message` usually) or packed 8 in 7. */
export type Gsm7Packing = 'unpacked' | 'packed';

/** Options of {@link encode} and {@link decode}. */
export interface CodecOptions {
  readonly encoding: SmsEncoding;
  /** GSM-7 only. Default `'unpacked'`. */
  readonly gsm7Packing?: Gsm7Packing;
  /**
   * Packed GSM-7 only: length of the UDH in front of these bytes, so the text starts after the
   * fill bits that align it to a septet boundary. Default 0.
   */
  readonly udhBytes?: number;
  /** GSM-7 only: national locking shift table in use instead of the default alphabet. */
  readonly lockingShift?: NationalLanguageTables | null;
  /** GSM-7 only: national single shift table in use instead of the default extension table. */
  readonly singleShift?: NationalLanguageTables | null;
}

/** Options of {@link decode}. */
export interface DecodeOptions extends CodecOptions {
  /**
   * Packed GSM-7 only: number of septets of text (the TP-UDL less the UDH's septets). Without
   * it, the count is read from the length, and a last all-zero septet that fits in the padding
   * bits is taken for padding (an `@` there is ambiguous: pass the count).
   */
  readonly septets?: number;
}
