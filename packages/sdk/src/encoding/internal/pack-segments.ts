/** Where a text was cut into segments. */
export interface Packing {
  readonly segments: number;
  /** Units in the last segment. */
  readonly lastUnits: number;
  /** End index (UTF-16, exclusive) of each segment. */
  readonly ends: number[];
  /** Units in each segment. */
  readonly units: number[];
}

/**
 * Cuts `text` into segments of at most `capacity` units, filling each one before starting the
 * next. For items that must stay in order, filling greedily gives the fewest segments.
 *
 * `costs[i]` is what code unit i costs. A code point (a surrogate pair in UCS-2, an escaped
 * character in GSM-7 costing 2 on one code unit) is never cut. With `graphemeEnds`, a grapheme
 * is kept whole too unless it is larger than a segment, in which case it is cut between code
 * points.
 */
export function packSegments(
  text: string,
  costs: Uint8Array,
  capacity: number,
  graphemeEnds: readonly number[] | null,
): Packing {
  const ends: number[] = [];
  const units: number[] = [];
  let used = 0;
  const add = (start: number, cost: number): void => {
    if (used + cost > capacity && used > 0) {
      ends.push(start);
      units.push(used);
      used = cost;
    } else {
      used += cost;
    }
  };
  const addCodePoints = (start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          add(i, costs[i]! + costs[i + 1]!);
          i++;
          continue;
        }
      }
      add(i, costs[i]!);
    }
  };
  if (graphemeEnds === null) {
    addCodePoints(0, text.length);
  } else {
    let start = 0;
    for (const end of graphemeEnds) {
      let cost = 0;
      for (let i = start; i < end; i++) cost += costs[i]!;
      if (cost <= capacity) add(start, cost);
      else addCodePoints(start, end);
      start = end;
    }
  }
  ends.push(text.length);
  units.push(used);
  return { segments: ends.length, lastUnits: used, ends, units };
}
