import type { SmsEncoding } from '../types';

/** The 140 octets of TP-User-Data (3GPP TS 23.040 §9.2.3.24) every segment has. */
export const USER_DATA_BYTES = 140;

/** UDH bytes of the national language IEs: 3 each for single shift (0x24) and locking shift (0x25). */
export function nationalUdhBytes(locking: boolean, single: boolean): number {
  return (locking ? 3 : 0) + (single ? 3 : 0);
}

/**
 * Total UDH length, length byte included, for a segment of a message of one part or more:
 * the concatenation IE is 5 bytes with an 8-bit reference (IEI 0x00) and 6 with a 16-bit one
 * (IEI 0x08). No IE at all means no UDH, not even its length byte.
 */
export function udhBytes(multipart: boolean, referenceBits: 8 | 16, nationalBytes: number): number {
  const ies = (multipart ? (referenceBits === 16 ? 6 : 5) : 0) + nationalBytes;
  return ies === 0 ? 0 : 1 + ies;
}

/**
 * Units left for text after the UDH: septets after the fill bits that align the text to a
 * septet boundary (floor((140 - udh) * 8 / 7)), or whole UTF-16 code units.
 */
export function unitsPerSegment(encoding: SmsEncoding, udh: number): number {
  const bytes = USER_DATA_BYTES - udh;
  return encoding === 'GSM-7' ? Math.floor((bytes * 8) / 7) : Math.floor(bytes / 2);
}
