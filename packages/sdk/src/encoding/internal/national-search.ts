import { EncodingError } from '../encoding-error';
import type { NationalLanguageTables } from '../national/types';
import type { Segmentation } from '../types';
import { type Charset, compileTables } from './charset';
import { graphemeEnds } from './graphemes';
import { GSM_LOOKUP, GSM_LOOKUP_LIMIT } from './gsm-lookup';
import { nationalUdhBytes, udhBytes, unitsPerSegment } from './layout';
import { packSegments } from './pack-segments';

/** The cheapest GSM-7 character set for a text and what it costs. */
export interface CharsetChoice {
  readonly charset: Charset;
  readonly segments: number;
  readonly unitsUsed: number;
  readonly lastUnits: number;
  readonly unitsPerSegment: number;
  readonly udhBytes: number;
}

/** Outcome of the search: a choice, or a test for the code units that are in no allowed table. */
export type CharsetSearch =
  | { readonly found: true; readonly choice: CharsetChoice }
  | { readonly found: false; readonly unknown: (index: number) => boolean };

interface Candidate {
  readonly locking: number;
  readonly single: number;
  readonly units: number;
  readonly nationalBytes: number;
  readonly lowerBound: number;
  readonly order: number;
}

/**
 * The allowed tables, compiled: candidate locking and single shift tables (index 0 = the
 * default ones) and, for every code unit in any of them, a mask of the locking tables that hold
 * it (low 16 bits) and of the single shift tables (high 16 bits).
 */
interface TableSet {
  readonly tables: readonly NationalLanguageTables[];
  readonly lockings: readonly (NationalLanguageTables | null)[];
  readonly singles: readonly (NationalLanguageTables | null)[];
  readonly masks: ReadonlyMap<number, number>;
  /** The same masks as a table for code units below GSM_LOOKUP_LIMIT (0 = in no table). */
  readonly lowMasks: Uint32Array;
}

function maskOf(set: TableSet, code: number): number {
  return code < GSM_LOOKUP_LIMIT ? set.lowMasks[code]! : (set.masks.get(code) ?? 0);
}

// Bitmasks hold one bit per candidate table, the default one at bit 0, in 16 bits each.
const MAX_CANDIDATES = 16;

// Callers often pass a fresh array (`[turkish, spanish]`) on every call, so compiled sets are
// cached by the tables' names and ids, then checked by identity.
const tableSets = new Map<string, TableSet>();
// …and by the array itself, for callers that keep one options object.
const byArray = new WeakMap<readonly NationalLanguageTables[], TableSet>();

function tableSet(tables: readonly NationalLanguageTables[]): TableSet {
  let set = byArray.get(tables);
  if (set === undefined) {
    set = compileTableSet(tables);
    byArray.set(tables, set);
  }
  return set;
}

function compileTableSet(tables: readonly NationalLanguageTables[]): TableSet {
  const key = tables.map((t) => `${t.id}:${t.language}`).join('|');
  const cached = tableSets.get(key);
  if (cached?.tables.every((t, i) => t === tables[i])) return cached;
  const lockings: (NationalLanguageTables | null)[] = [null];
  const singles: (NationalLanguageTables | null)[] = [null];
  for (const table of tables) {
    if (table.lockingShift !== undefined && !lockings.includes(table)) lockings.push(table);
    if (table.singleShift !== undefined && !singles.includes(table)) singles.push(table);
  }
  if (lockings.length > MAX_CANDIDATES || singles.length > MAX_CANDIDATES) {
    throw new EncodingError(`At most ${MAX_CANDIDATES - 1} national tables of each kind can be compared`);
  }
  const masks = new Map<number, number>();
  const mark = (code: number, bit: number) => masks.set(code, (masks.get(code) ?? 0) | bit);
  for (let code = 0; code < GSM_LOOKUP_LIMIT; code++) {
    const cost = GSM_LOOKUP[code]! >> 8;
    if (cost === 1) mark(code, 1);
    else if (cost === 2) mark(code, 1 << 16);
  }
  lockings.forEach((t, k) => {
    if (t !== null) for (const code of compileTables(t).locking!.keys()) mark(code, 1 << k);
  });
  singles.forEach((t, k) => {
    if (t !== null) for (const code of compileTables(t).single!.keys()) mark(code, 1 << (16 + k));
  });
  const lowMasks = new Uint32Array(GSM_LOOKUP_LIMIT);
  for (const [code, mask] of masks) if (code < GSM_LOOKUP_LIMIT) lowMasks[code] = mask;
  const set: TableSet = { tables: [...tables], lockings, singles, masks, lowMasks };
  if (tableSets.size >= 32) tableSets.clear();
  tableSets.set(key, set);
  return set;
}

/**
 * Picks the locking shift + single shift combination (the default tables included) that needs
 * the fewest segments, then the fewest UDH bytes, then the caller's order.
 *
 * One pass reads, for each code unit, which locking and which single shift tables hold it (one
 * cached map lookup) and counts each distinct mask; it stops at the first character no table
 * holds. Units per combination then come from those counts, O(distinct masks) each. The exact
 * segment count needs a walk only where escapes could straddle a boundary (or graphemes are
 * kept), and only for combinations whose lower bound ceil(units / capacity) can still beat the
 * best found.
 */
export function searchCharset(
  text: string,
  tables: readonly NationalLanguageTables[],
  referenceBits: 8 | 16,
  segmentation: Segmentation,
): CharsetSearch {
  const set = tableSet(tables);
  const { lockings, singles } = set;
  const n = text.length;
  const unknown = (index: number) => maskOf(set, text.charCodeAt(index)) === 0;
  // Distinct masks are few (letters, digits, extension characters, national letters): a short
  // list with the last hit remembered beats a Map here.
  const maskList: number[] = [];
  const countList: number[] = [];
  let last = -1;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const mask = code < GSM_LOOKUP_LIMIT ? set.lowMasks[code]! : (set.masks.get(code) ?? 0);
    if (mask === 0) return { found: false, unknown };
    if (last < 0 || maskList[last] !== mask) {
      last = maskList.indexOf(mask);
      if (last < 0) {
        last = maskList.length;
        maskList.push(mask);
        countList.push(0);
      }
    }
    countList[last]!++;
  }

  const candidates: Candidate[] = [];
  for (let li = 0; li < lockings.length; li++) {
    for (let si = 0; si < singles.length; si++) {
      let units = 0;
      let feasible = true;
      for (let k = 0; k < maskList.length; k++) {
        const mask = maskList[k]!;
        const count = countList[k]!;
        if ((mask >>> li) & 1) units += count;
        else if ((mask >>> (16 + si)) & 1) units += 2 * count;
        else feasible = false;
      }
      if (!feasible) continue;
      const nationalBytes = nationalUdhBytes(li > 0, si > 0);
      const single = unitsPerSegment('GSM-7', udhBytes(false, referenceBits, nationalBytes));
      const multi = unitsPerSegment('GSM-7', udhBytes(true, referenceBits, nationalBytes));
      const lowerBound = units <= single ? 1 : Math.max(2, Math.ceil(units / multi));
      candidates.push({ locking: li, single: si, units, nationalBytes, lowerBound, order: candidates.length });
    }
  }
  if (candidates.length === 0) return { found: false, unknown };
  candidates.sort((a, b) => a.lowerBound - b.lowerBound || a.nationalBytes - b.nationalBytes || a.order - b.order);

  const bounds = segmentation === 'graphemes' ? graphemeEnds(text) : null;
  let best: CharsetChoice | null = null;
  let bestBytes = 0;
  for (const candidate of candidates) {
    if (
      best !== null &&
      (candidate.lowerBound > best.segments ||
        (candidate.lowerBound === best.segments && candidate.nationalBytes >= bestBytes))
    ) {
      break;
    }
    const choice = exactCost(text, candidate, set, referenceBits, bounds);
    if (
      best === null ||
      choice.segments < best.segments ||
      (choice.segments === best.segments && candidate.nationalBytes < bestBytes)
    ) {
      best = { ...choice, charset: { locking: lockings[candidate.locking]!, single: singles[candidate.single]! } };
      bestBytes = candidate.nationalBytes;
    }
  }
  return { found: true, choice: best! };
}

function exactCost(
  text: string,
  candidate: Candidate,
  set: TableSet,
  referenceBits: 8 | 16,
  bounds: readonly number[] | null,
): Omit<CharsetChoice, 'charset'> {
  const n = text.length;
  const singleUdh = udhBytes(false, referenceBits, candidate.nationalBytes);
  const singleCapacity = unitsPerSegment('GSM-7', singleUdh);
  if (candidate.units <= singleCapacity) {
    return {
      segments: 1,
      unitsUsed: candidate.units,
      lastUnits: candidate.units,
      unitsPerSegment: singleCapacity,
      udhBytes: singleUdh,
    };
  }
  const udh = udhBytes(true, referenceBits, candidate.nationalBytes);
  const capacity = unitsPerSegment('GSM-7', udh);
  if (candidate.units === n && bounds === null) {
    const segments = Math.ceil(n / capacity);
    const lastUnits = n - (segments - 1) * capacity;
    return { segments, unitsUsed: n, lastUnits, unitsPerSegment: capacity, udhBytes: udh };
  }
  const costs = new Uint8Array(n);
  for (let i = 0; i < n; i++) costs[i] = (maskOf(set, text.charCodeAt(i)) >>> candidate.locking) & 1 ? 1 : 2;
  const packing = packSegments(text, costs, capacity, bounds);
  return {
    segments: packing.segments,
    unitsUsed: candidate.units,
    lastUnits: packing.lastUnits,
    unitsPerSegment: capacity,
    udhBytes: udh,
  };
}
