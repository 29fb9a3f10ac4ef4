import { expectTypeOf, test } from 'vitest';
import {
  analyze,
  decode,
  encode,
  type NonGsmCharacter,
  type SegmentAnalysis,
  type SmsPart,
  smartEncode,
  split,
} from './index';
import { turkish } from './national/turkish';

test('analyze returns a SegmentAnalysis and checks its options', () => {
  const result = analyze('hi', { nationalTables: [turkish], segmentation: 'graphemes', referenceBits: 16 });
  expectTypeOf(result).toEqualTypeOf<SegmentAnalysis>();
  expectTypeOf(result.encoding).toEqualTypeOf<'GSM-7' | 'UCS-2'>();
  expectTypeOf(result.nonGsmCharacters).toEqualTypeOf<readonly NonGsmCharacter[]>();
  expectTypeOf(result.shiftTables.locking).toEqualTypeOf<string | null>();
  // @ts-expect-error: references are 8 or 16 bits
  analyze('hi', { referenceBits: 12 });
  // @ts-expect-error: segmentation is '3gpp' or 'graphemes'
  analyze('hi', { segmentation: 'words' });
});

test('split, encode, decode and smartEncode have wire types', () => {
  expectTypeOf(split('hi', { reference: () => 1 }).parts).toEqualTypeOf<readonly SmsPart[]>();
  expectTypeOf(encode('hi', { encoding: 'GSM-7' })).toEqualTypeOf<Uint8Array>();
  expectTypeOf(decode(new Uint8Array(), { encoding: 'UCS-2' })).toEqualTypeOf<string>();
  expectTypeOf(smartEncode('hi').text).toEqualTypeOf<string>();
  // @ts-expect-error: the encoding is required to encode
  encode('hi', {});
});
