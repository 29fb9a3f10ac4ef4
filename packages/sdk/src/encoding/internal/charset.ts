import { GSM_DEFAULT_ALPHABET, GSM_ESCAPE, GSM_EXTENSION_TABLE } from '../gsm-alphabet';
import type { NationalLanguageTables } from '../national/types';
import { GSM_LOOKUP, GSM_LOOKUP_LIMIT } from './gsm-lookup';

/**
 * One GSM 7-bit character set: a locking shift table (the default alphabet when `locking` is
 * null) and a single shift table (the default extension table when `single` is null).
 */
export interface Charset {
  readonly locking: NationalLanguageTables | null;
  readonly single: NationalLanguageTables | null;
}

export const DEFAULT_CHARSET: Charset = Object.freeze({ locking: null, single: null });

interface CompiledTables {
  /** Code unit → septet in the locking shift table. */
  readonly locking: ReadonlyMap<number, number> | null;
  /** Code unit → septet in the single shift table. */
  readonly single: ReadonlyMap<number, number> | null;
}

// Tables are compiled once per table object; the caller's objects are the cache keys.
const compiled = new WeakMap<NationalLanguageTables, CompiledTables>();

export function compileTables(tables: NationalLanguageTables): CompiledTables {
  let entry = compiled.get(tables);
  if (entry === undefined) {
    entry = {
      locking: tables.lockingShift === undefined ? null : compileLocking(tables.lockingShift),
      single: tables.singleShift === undefined ? null : compileSingle(tables.singleShift),
    };
    compiled.set(tables, entry);
  }
  return entry;
}

function compileLocking(table: readonly (string | null)[]): Map<number, number> {
  const map = new Map<number, number>();
  table.forEach((char, septet) => {
    // Only single code units: every 3GPP table character is in the BMP.
    if (char !== null && char.length === 1 && septet !== GSM_ESCAPE && !map.has(char.charCodeAt(0))) {
      map.set(char.charCodeAt(0), septet);
    }
  });
  return map;
}

function compileSingle(table: Readonly<Record<number, string>>): Map<number, number> {
  const map = new Map<number, number>();
  for (const [key, char] of Object.entries(table)) {
    const septet = Number(key);
    if (char.length === 1 && septet !== GSM_ESCAPE && septet < 0x80 && !map.has(char.charCodeAt(0))) {
      map.set(char.charCodeAt(0), septet);
    }
  }
  return map;
}

/** Septet in the locking shift table of `charset`, or -1. */
export function lockingSeptet(code: number, charset: Charset): number {
  if (charset.locking === null) {
    const entry = code < GSM_LOOKUP_LIMIT ? GSM_LOOKUP[code]! : 0;
    return entry >> 8 === 1 ? entry & 0x7f : -1;
  }
  return compileTables(charset.locking).locking?.get(code) ?? -1;
}

/** Septet (to follow the escape) in the single shift table of `charset`, or -1. */
export function singleSeptet(code: number, charset: Charset): number {
  if (charset.single === null) {
    const entry = code < GSM_LOOKUP_LIMIT ? GSM_LOOKUP[code]! : 0;
    return entry >> 8 === 2 ? entry & 0x7f : -1;
  }
  return compileTables(charset.single).single?.get(code) ?? -1;
}

/** Septets a code unit costs in `charset`: 1, 2 (escape + septet) or 0 when it is not there. */
export function charsetCost(code: number, charset: Charset): number {
  if (lockingSeptet(code, charset) >= 0) return 1;
  return singleSeptet(code, charset) >= 0 ? 2 : 0;
}

/** Character a septet stands for in the locking shift table of `charset`. */
export function lockingChar(septet: number, charset: Charset): string | null {
  const table = charset.locking?.lockingShift ?? GSM_DEFAULT_ALPHABET;
  return table[septet] ?? null;
}

/** Character an escaped septet stands for in the single shift table of `charset`. */
export function singleChar(septet: number, charset: Charset): string | null {
  const table = charset.single?.singleShift ?? GSM_EXTENSION_TABLE;
  return table[septet] ?? null;
}
