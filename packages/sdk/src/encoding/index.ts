export { analyze } from './analyze';
export type { CodecOptions, DecodeOptions, Gsm7Packing } from './codec-options';
export { decode } from './decode';
export { encode } from './encode';
export { EncodingError } from './encoding-error';
export { GSM_DEFAULT_ALPHABET, GSM_ESCAPE, GSM_EXTENSION_TABLE } from './gsm-alphabet';
export type { NationalLanguageTables } from './national/types';
export { type SmartEncodeResult, smartEncode } from './smart-encode';
export { type SmsPart, type SplitOptions, type SplitResult, split } from './split';
export type {
  AnalyzeOptions,
  NonGsmCharacter,
  Replacement,
  SegmentAnalysis,
  Segmentation,
  ShiftTables,
  SmsEncoding,
} from './types';
