import { analyze } from './analyze';
import type { Gsm7Packing } from './codec-options';
import { encode, encodeSeptets } from './encode';
import { EncodingError } from './encoding-error';
import { type Charset, charsetCost, DEFAULT_CHARSET } from './internal/charset';
import { graphemeEnds } from './internal/graphemes';
import { packSegments } from './internal/pack-segments';
import { plainAnalysis } from './internal/plain-analysis';
import { fillBits, packSeptets } from './internal/septets';
import type { NationalLanguageTables } from './national/types';
import type { AnalyzeOptions, SegmentAnalysis } from './types';

/** Options of {@link split}: those of {@link analyze} and how to build the parts. */
export interface SplitOptions extends AnalyzeOptions {
  /**
   * Concatenation reference number (0–255, or 0–65535 with `referenceBits: 16`), or a function
   * returning one (e.g. a per-recipient counter, or a random source). Default: a hash of the
   * text, so the same call gives the same bytes. Unused for a single-part message.
   */
  readonly reference?: number | (() => number);
  /** GSM-7 payloads packed 8 septets in 7 octets after the fill bits (default) or one per octet. */
  readonly gsm7Packing?: Gsm7Packing;
}

/** One SMS part, ready for SMPP `short_message` (set the UDHI bit, esm_class 0x40, when `udh` is not empty). */
export interface SmsPart {
  /** The characters of this part. */
  readonly text: string;
  /** Index of its first character in the analysed text (UTF-16 code units). */
  readonly start: number;
  /** Index after its last character. */
  readonly end: number;
  /** Septets or UCS-2 code units of text in this part. */
  readonly units: number;
  /** The User Data Header, its length byte first; empty when there is none. */
  readonly udh: Uint8Array;
  /** The encoded text: packed septets (starting with the fill bits), unpacked septets or UCS-2 BE. */
  readonly payload: Uint8Array;
  /** `udh` followed by `payload`. */
  readonly userData: Uint8Array;
}

/** What {@link split} returns: the analysis and the parts. */
export interface SplitResult extends SegmentAnalysis {
  readonly parts: readonly SmsPart[];
  /** The concatenation reference used, or null for a single part. */
  readonly reference: number | null;
}

/**
 * Cuts a text into the SMS parts {@link analyze} counts, with their UDH (concatenation IE 0x00
 * with an 8-bit reference or 0x08 with a 16-bit one, then the national single shift 0x24 and
 * locking shift 0x25 IEs) and encoded payloads. Joining the parts' `text` gives the analysed
 * text back.
 *
 * @throws EncodingError when the text needs more than 255 parts or the reference is out of range.
 * @example split(longText, { reference: 42 }).parts.map((p) => p.userData)
 */
export function split(text: string, options: SplitOptions = {}): SplitResult {
  const analysis = analyze(text, options);
  const source = analysis.text ?? text;
  const charset = analysis.encoding === 'GSM-7' ? charsetOf(analysis, options.nationalTables ?? []) : DEFAULT_CHARSET;
  const n = source.length;
  const costs = new Uint8Array(n);
  if (analysis.encoding === 'GSM-7') for (let i = 0; i < n; i++) costs[i] = charsetCost(source.charCodeAt(i), charset);
  else costs.fill(1);

  const multipart = analysis.segments > 1;
  const bounds = multipart && options.segmentation === 'graphemes' ? graphemeEnds(source) : null;
  const packing = multipart
    ? packSegments(source, costs, analysis.unitsPerSegment, bounds)
    : { ends: [n], units: [analysis.unitsUsed] };
  if (packing.ends.length > 255)
    throw new EncodingError(`A message can have at most 255 parts, not ${packing.ends.length}`);

  const referenceBits = options.referenceBits ?? 8;
  const reference = multipart ? resolveReference(options.reference, referenceBits, source) : null;
  const packed = (options.gsm7Packing ?? 'packed') === 'packed';
  const parts: SmsPart[] = [];
  let start = 0;
  packing.ends.forEach((end, k) => {
    const partText = source.slice(start, end);
    const udh = buildUdh(reference, referenceBits, packing.ends.length, k + 1, charset);
    let payload: Uint8Array;
    if (analysis.encoding === 'UCS-2') payload = encode(partText, { encoding: 'UCS-2' });
    else {
      const septets = encodeSeptets(partText, charset);
      payload = packed ? packSeptets(septets, fillBits(udh.length)) : septets;
    }
    const userData = new Uint8Array(udh.length + payload.length);
    userData.set(udh);
    userData.set(payload, udh.length);
    parts.push({ text: partText, start, end, units: packing.units[k]!, udh, payload, userData });
    start = end;
  });
  return { ...plainAnalysis(analysis), parts, reference };
}

function charsetOf(analysis: SegmentAnalysis, tables: readonly NationalLanguageTables[]): Charset {
  const { locking, single } = analysis.shiftTables;
  if (locking === null && single === null) return DEFAULT_CHARSET;
  return {
    locking: locking === null ? null : (tables.find((t) => t.language === locking && t.lockingShift) ?? null),
    single: single === null ? null : (tables.find((t) => t.language === single && t.singleShift) ?? null),
  };
}

function resolveReference(reference: SplitOptions['reference'], bits: 8 | 16, text: string): number {
  const max = bits === 16 ? 0xffff : 0xff;
  const value = typeof reference === 'function' ? reference() : (reference ?? hash(text) & max);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new EncodingError(`The concatenation reference must be an integer from 0 to ${max}`);
  }
  return value;
}

// FNV-1a: deterministic, so the same text gives the same parts, yet two texts rarely share one.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function buildUdh(
  reference: number | null,
  referenceBits: 8 | 16,
  total: number,
  sequence: number,
  charset: Charset,
): Uint8Array {
  const ies: number[] = [];
  if (reference !== null) {
    if (referenceBits === 16) ies.push(0x08, 0x04, (reference >> 8) & 0xff, reference & 0xff, total, sequence);
    else ies.push(0x00, 0x03, reference & 0xff, total, sequence);
  }
  if (charset.single !== null) ies.push(0x24, 0x01, charset.single.id);
  if (charset.locking !== null) ies.push(0x25, 0x01, charset.locking.id);
  return ies.length === 0 ? new Uint8Array(0) : Uint8Array.from([ies.length, ...ies]);
}
