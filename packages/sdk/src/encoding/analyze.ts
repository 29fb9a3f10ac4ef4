import { EncodingError } from './encoding-error';
import { graphemeEnds } from './internal/graphemes';
import { GSM_COST } from './internal/gsm-lookup';
import type { CharsetChoice } from './internal/national-search';
import { nationalSearchOf } from './internal/national-search-key';
import { packSegments } from './internal/pack-segments';
import { plainAnalysis } from './internal/plain-analysis';
import { smartEncode } from './smart-encode';
import type { AnalyzeOptions, NonGsmCharacter, SegmentAnalysis, ShiftTables } from './types';

const NO_OPTIONS: AnalyzeOptions = Object.freeze({});
const DEFAULT_TABLES: ShiftTables = Object.freeze({ locking: null, single: null });
const NONE: readonly NonGsmCharacter[] = Object.freeze([]);

/**
 * Counts what `text` costs as an SMS: encoding, segments, units used and left, the characters
 * that forced UCS-2, the national shift tables used and the UDH size.
 *
 * GSM 03.38 rules: an extension character costs two septets and an escape pair is never split;
 * UCS-2 counts UTF-16 code units and never splits a surrogate pair. One part holds 160 septets
 * or 70 code units; concatenated parts 153/67 (8-bit reference) or 152/66 (16-bit). The empty
 * text is one segment. The text is never changed unless `smartEncoding` is on.
 *
 * @example analyze('Salom, dunyo!') // { encoding: 'GSM-7', segments: 1, unitsUsed: 13, unitsLeft: 147, … }
 */
export function analyze(text: string, options: AnalyzeOptions = NO_OPTIONS): SegmentAnalysis {
  if (options.smartEncoding !== true) return analyzeText(text, options);
  const original = plainAnalysis(analyzeText(text, options));
  if (original.encoding === 'GSM-7') return { ...original, text, replacements: [] };
  const smart = smartEncode(text);
  if (smart.replacements.length > 0) {
    const replaced = plainAnalysis(analyzeText(smart.text, options));
    // Replacing only pays when it avoids UCS-2; otherwise the original text is sent as written.
    if (replaced.encoding === 'GSM-7') return { ...replaced, text: smart.text, replacements: smart.replacements };
  }
  return { ...original, text, replacements: [] };
}

// Results of scanGsm, kept in module variables so the hot path allocates nothing to return them.
let scannedSeptets = 0;
let scannedSegments = 1;
let scannedFill = 0;

/**
 * Hot path: one pass, one table read per code unit. Sums the septets (for the single-part
 * case) and fills parts of `capacity` septets as it goes, so an escape pair that would straddle
 * a boundary moves to the next part without a second pass. Returns the index of the first
 * character outside GSM 7-bit (the length when there is none). A small function of its own, so
 * the engine optimises it the same way whoever calls it.
 */
function scanGsm(text: string, capacity: number): number {
  const n = text.length;
  let septets = 0;
  let segments = 1;
  let fill = 0;
  let i = 0;
  for (; i < n; i++) {
    const cost = GSM_COST[text.charCodeAt(i)]!;
    if (cost === 0) break;
    septets += cost;
    fill += cost;
    if (fill > capacity) {
      segments++;
      fill = cost;
    }
  }
  scannedSeptets = septets;
  scannedSegments = segments;
  scannedFill = fill;
  return i;
}

function analyzeText(text: string, options: AnalyzeOptions): SegmentAnalysis {
  const n = text.length;
  const capacity = options.referenceBits === 16 ? 152 : 153;
  const i = scanGsm(text, capacity);
  const septets = scannedSeptets;
  let segments = scannedSegments;
  let fill = scannedFill;
  const national = options.nationalTables;
  // Text in the default alphabet alone is cheapest without national tables (no UDH for them);
  // extension or other characters may be cheaper in a national table, so those are searched.
  if (national !== undefined && national.length > 0 && (i < n || septets > n)) {
    const searchCharset = nationalSearchOf(national[0]!);
    if (searchCharset === undefined) {
      throw new EncodingError(
        'nationalTables must come from @karvon/sdk/encoding/national (or be wrapped with defineNationalLanguage)',
      );
    }
    const search = searchCharset(text, national, options.referenceBits ?? 8, options.segmentation ?? '3gpp');
    // A GSM-7 text has no surrogates: its code units are its characters.
    if (search.found) return fromChoice(search.choice, n);
    return ucs2(text, 0, options, search.unknown);
  }
  if (i < n) return ucs2(text, i, options, null);
  if (septets <= 160) return result('GSM-7', 1, septets, 160 - septets, 160, n, NONE, 0);
  if (options.segmentation === 'graphemes') {
    const bounds = graphemeEnds(text);
    if (bounds !== null) {
      const costs = new Uint8Array(n);
      for (let k = 0; k < n; k++) costs[k] = GSM_COST[text.charCodeAt(k)]!;
      ({ segments, lastUnits: fill } = packSegments(text, costs, capacity, bounds));
    }
  }
  return result('GSM-7', segments, septets, capacity - fill, capacity, n, NONE, capacity === 152 ? 7 : 6);
}

/**
 * Fills parts of `capacity` UTF-16 code units from `from` on, never splitting a surrogate pair,
 * and returns the number of pairs. The `from` code units before are GSM-7: one unit each and no
 * surrogates, so the fill up to there is arithmetic.
 */
function scanUcs2(text: string, from: number, capacity: number): number {
  const n = text.length;
  let segments = from > capacity ? Math.ceil(from / capacity) : 1;
  let fill = from - (segments - 1) * capacity;
  let pairs = 0;
  for (let k = from; k < n; k++) {
    let width = 1;
    if ((text.charCodeAt(k) & 0xfc00) === 0xd800 && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      pairs++;
      k++;
    }
    fill += width;
    if (fill > capacity) {
      segments++;
      fill = width;
    }
  }
  scannedSegments = segments;
  scannedFill = fill;
  return pairs;
}

function ucs2(
  text: string,
  from: number,
  options: AnalyzeOptions,
  unknown: ((index: number) => boolean) | null,
): SegmentAnalysis {
  const n = text.length;
  const capacity = options.referenceBits === 16 ? 66 : 67;
  const pairs = scanUcs2(text, from, capacity);
  let segments = scannedSegments;
  let fill = scannedFill;
  let unitsPerSegment = capacity;
  let udh = capacity === 66 ? 7 : 6;
  if (n <= 70) {
    segments = 1;
    fill = n;
    unitsPerSegment = 70;
    udh = 0;
  } else if (options.segmentation === 'graphemes') {
    const bounds = graphemeEnds(text);
    if (bounds !== null) {
      ({ segments, lastUnits: fill } = packSegments(text, new Uint8Array(n).fill(1), capacity, bounds));
    }
  }
  return new Ucs2Analysis(segments, n, unitsPerSegment - fill, unitsPerSegment, n - pairs, udh, text, unknown);
}

/**
 * A UCS-2 result whose `nonGsmCharacters` is listed on first read: the list costs an object per
 * character (a Russian text is all of them) and most callers want only the counts. A class, as
 * an object literal with a getter is created through a slow runtime path in V8.
 */
class Ucs2Analysis implements SegmentAnalysis {
  readonly encoding = 'UCS-2';
  readonly shiftTables = DEFAULT_TABLES;
  #text: string;
  #unknown: ((index: number) => boolean) | null;
  #nonGsm: readonly NonGsmCharacter[] | undefined = undefined;

  constructor(
    readonly segments: number,
    readonly unitsUsed: number,
    readonly unitsLeft: number,
    readonly unitsPerSegment: number,
    readonly characters: number,
    readonly udhBytes: number,
    text: string,
    unknown: ((index: number) => boolean) | null,
  ) {
    this.#text = text;
    this.#unknown = unknown;
  }

  get nonGsmCharacters(): readonly NonGsmCharacter[] {
    this.#nonGsm ??= listNonGsm(this.#text, this.#unknown);
    return this.#nonGsm;
  }

  toJSON(): SegmentAnalysis {
    return plainAnalysis(this);
  }
}

function isNotDefaultGsm(text: string, index: number): boolean {
  return GSM_COST[text.charCodeAt(index)] === 0;
}

function listNonGsm(text: string, unknown: ((index: number) => boolean) | null): NonGsmCharacter[] {
  const n = text.length;
  const list: NonGsmCharacter[] = [];
  for (let k = 0; k < n; k++) {
    const pair = (text.charCodeAt(k) & 0xfc00) === 0xd800 && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00;
    if (pair || (unknown === null ? isNotDefaultGsm(text, k) : unknown(k))) {
      list.push({ character: text.slice(k, pair ? k + 2 : k + 1), index: k });
    }
    if (pair) k++;
  }
  if (list.length === 0 && unknown !== null) {
    // Every character is in some allowed table but no one combination holds them all: name the
    // characters the default tables lack.
    return listNonGsm(text, null);
  }
  return list;
}

function fromChoice(choice: CharsetChoice, characters: number): SegmentAnalysis {
  const { locking, single } = choice.charset;
  return {
    encoding: 'GSM-7',
    segments: choice.segments,
    unitsUsed: choice.unitsUsed,
    unitsLeft: choice.unitsPerSegment - choice.lastUnits,
    unitsPerSegment: choice.unitsPerSegment,
    characters,
    nonGsmCharacters: NONE,
    shiftTables:
      locking === null && single === null
        ? DEFAULT_TABLES
        : { locking: locking?.language ?? null, single: single?.language ?? null },
    udhBytes: choice.udhBytes,
  };
}

function result(
  encoding: SegmentAnalysis['encoding'],
  segments: number,
  unitsUsed: number,
  unitsLeft: number,
  unitsPerSegment: number,
  characters: number,
  nonGsmCharacters: readonly NonGsmCharacter[],
  udhBytes: number,
): SegmentAnalysis {
  return {
    encoding,
    segments,
    unitsUsed,
    unitsLeft,
    unitsPerSegment,
    characters,
    nonGsmCharacters,
    shiftTables: DEFAULT_TABLES,
    udhBytes,
  };
}
