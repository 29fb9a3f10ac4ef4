import type { SegmentAnalysis } from '../types';

/** The analysis as a plain object, its lazily listed fields read. */
export function plainAnalysis(analysis: SegmentAnalysis): SegmentAnalysis {
  return {
    encoding: analysis.encoding,
    segments: analysis.segments,
    unitsUsed: analysis.unitsUsed,
    unitsLeft: analysis.unitsLeft,
    unitsPerSegment: analysis.unitsPerSegment,
    characters: analysis.characters,
    nonGsmCharacters: analysis.nonGsmCharacters,
    shiftTables: analysis.shiftTables,
    udhBytes: analysis.udhBytes,
    ...(analysis.text === undefined ? {} : { text: analysis.text }),
    ...(analysis.replacements === undefined ? {} : { replacements: analysis.replacements }),
  };
}
