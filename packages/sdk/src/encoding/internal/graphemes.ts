// Created on first use: building a segmenter is far slower than one analysis, and callers that
// keep the default '3gpp' segmentation never pay for it.
let segmenter: Intl.Segmenter | null | undefined;

/**
 * End indexes (UTF-16, exclusive) of the grapheme clusters of `text`, or null when every
 * cluster is a single code point (so cutting between code points already keeps them whole) or
 * the runtime has no `Intl.Segmenter`.
 */
export function graphemeEnds(text: string): number[] | null {
  if (!mayJoin(text)) return null;
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  if (segmenter === null) return null;
  const ends: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) ends.push(index + segment.length);
  return ends;
}

/**
 * Whether `text` may hold a cluster of several code points (UAX #29): CR LF, or a character
 * from outside the blocks known to hold no combining, joining, prepended or regional-indicator
 * characters. Segmenting costs about a microsecond per dozen characters; most SMS (GSM-7
 * without CR LF, Russian, Uzbek Cyrillic) skip it this way.
 */
function mayJoin(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0300) {
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) return true;
      continue;
    }
    if (
      (code >= 0x0370 && code <= 0x0482) || // Greek, Cyrillic letters (U+0483–0489 combine)
      (code >= 0x048a && code <= 0x052f) || // Cyrillic and its supplement
      (code >= 0x2010 && code <= 0x2027) || // dashes, quotes, bullets, ellipsis
      (code >= 0x2030 && code <= 0x205e) || // per mille … (U+2060 on are format characters)
      (code >= 0x20a0 && code <= 0x20cf) // currency signs (U+20D0 on combine)
    ) {
      continue;
    }
    return true;
  }
  return false;
}
