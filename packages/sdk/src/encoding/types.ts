import type { NationalLanguageTables } from './national/types';

/** The two SMS alphabets a message can be sent in. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/**
 * Where segment boundaries may fall:
 * - `'3gpp'` (default): anywhere except inside an escape pair or a surrogate pair, so the
 *   message takes the fewest segments 3GPP allows.
 * - `'graphemes'`: also keep every grapheme (flag, emoji ZWJ sequence, letter + combining
 *   marks, CR LF) in one segment, as Twilio's calculator does. Needs `Intl.Segmenter`; without
 *   it, falls back to `'3gpp'`. A grapheme larger than a whole segment is still split.
 */
export type Segmentation = '3gpp' | 'graphemes';

/** Options of {@link analyze}; {@link split} takes the same and more. */
export interface AnalyzeOptions {
  /**
   * National language shift tables (3GPP TS 23.038 §6.2.1.2.4/5) the recipient's network and
   * handset may use. The cheapest combination of locking and single shift tables, the default
   * ones included, is picked. None by default.
   */
  readonly nationalTables?: readonly NationalLanguageTables[];
  /**
   * Replace Unicode look-alikes (curly quotes, dashes, odd spaces, Uzbek ʻ ʼ, …) with GSM-7
   * characters, after NFC normalisation, when that turns a UCS-2 message into a GSM-7 one.
   * Text that is GSM-7 already, or stays UCS-2 anyway, is left as it is. Off by default.
   */
  readonly smartEncoding?: boolean;
  /** See {@link Segmentation}. Default `'3gpp'`. */
  readonly segmentation?: Segmentation;
  /**
   * Size of the concatenation reference number: 8 (IEI 0x00, 6-byte UDH, default) or 16
   * (IEI 0x08, 7-byte UDH: 152 septets / 66 UCS-2 code units per part).
   */
  readonly referenceBits?: 8 | 16;
}

/** A character that has no GSM 7-bit code in any allowed table, so it forced UCS-2. */
export interface NonGsmCharacter {
  /** The character (a whole surrogate pair for characters beyond the BMP). */
  readonly character: string;
  /** Its index in the analysed text, in UTF-16 code units. */
  readonly index: number;
}

/** One change smart encoding made. */
export interface Replacement {
  /** Index in the original text, in UTF-16 code units. */
  readonly index: number;
  /** The original characters. */
  readonly from: string;
  /** What replaced them (may be empty, e.g. a zero-width space is dropped). */
  readonly to: string;
}

/** National language shift tables in use, by language name; `null` = the default table. */
export interface ShiftTables {
  readonly locking: string | null;
  readonly single: string | null;
}

/** What a text costs as an SMS. Units are septets for GSM-7 and UTF-16 code units for UCS-2. */
export interface SegmentAnalysis {
  readonly encoding: SmsEncoding;
  /** Number of SMS parts; 1 for the empty text. */
  readonly segments: number;
  /** Units the whole text takes (an escaped character counts 2). */
  readonly unitsUsed: number;
  /** Units still free in the last segment. */
  readonly unitsLeft: number;
  /** Units each segment holds once its UDH is taken out (160, 153, 70, 67, …). */
  readonly unitsPerSegment: number;
  /** Number of characters (Unicode code points) in the analysed text. */
  readonly characters: number;
  /**
   * Characters that forced UCS-2, in order; empty for GSM-7. For speed, a UCS-2 result from
   * {@link analyze} lists them on first read, through a getter: `{ ...result }` and
   * `Object.keys` do not see it, `JSON.stringify` (via `toJSON`) and reading it do.
   */
  readonly nonGsmCharacters: readonly NonGsmCharacter[];
  /** National language tables the GSM-7 encoding uses. */
  readonly shiftTables: ShiftTables;
  /** Bytes of User Data Header in each segment, length byte included (0 when there is none). */
  readonly udhBytes: number;
  /** With `smartEncoding`: the text that was analysed (the input, or its replacement). */
  readonly text?: string;
  /** With `smartEncoding`: the replacements made, empty when the text was kept. */
  readonly replacements?: readonly Replacement[];
}
