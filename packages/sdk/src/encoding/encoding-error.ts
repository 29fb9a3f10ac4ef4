import { KarvonError, type KarvonErrorJSON } from '../errors/karvon-error';

/**
 * Text or bytes that cannot be encoded, decoded or split as asked: a character with no GSM-7
 * code, malformed wire data, more than 255 parts, a reference out of range. Its message names
 * code points and indexes, never the text.
 */
export class EncodingError extends KarvonError {
  static override readonly errorName: string = 'EncodingError';

  /** Index (UTF-16 code units, or bytes when decoding) of the offending input, when there is one. */
  readonly index: number | undefined;

  constructor(message: string, index?: number) {
    super(message);
    this.index = index;
  }

  override toJSON(): KarvonErrorJSON {
    return { ...super.toJSON(), index: this.index };
  }
}
