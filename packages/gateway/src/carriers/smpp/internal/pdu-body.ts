import type { DecodedMessage, PDU } from 'smpp';

/** The fields of a submit_sm / deliver_sm / data_sm that carry or describe the message body. */
export type PduBodyFields = Pick<
  PDU,
  | 'short_message'
  | 'message_payload'
  | 'esm_class'
  | 'data_coding'
  | 'sar_msg_ref_num'
  | 'sar_total_segments'
  | 'sar_segment_seqnum'
>;

/** Concatenation of one part, as its UDH or SAR TLVs state it. */
export interface PduBodyPart {
  readonly reference: number;
  readonly total: number;
  readonly sequence: number;
}

type Body = PduBodyFields['short_message'];

const UDH_INDICATOR = 0x40;
// GSM 03.38 extension table: each of these takes an escape octet plus its own.
const GSM7_EXTENSION = /[\f^{}\\[~\]|€]/g;

/**
 * The byte length of the body on the wire (`message_payload` when present, else `short_message`),
 * UDH included; undefined when the PDU has neither. Outbound PDUs hold the bytes themselves; the
 * `smpp` package decodes inbound ones into text, so their length is counted back from the text in
 * its data_coding (exact for GSM-7 default alphabet, Latin-1 and UCS-2, the codings that package
 * decodes; national language shift tables are counted as the default alphabet).
 */
export function bodyByteLength(fields: PduBodyFields): number | undefined {
  const dataCoding = fields.data_coding ?? 0;
  if (fields.message_payload !== undefined) return lengthOf(fields.message_payload, dataCoding);
  if (fields.short_message !== undefined) return lengthOf(fields.short_message, dataCoding);
  return undefined;
}

/** The part this PDU is of a concatenated message (UDH first, then SAR TLVs), or undefined for a whole one. */
export function bodyPart(fields: PduBodyFields): PduBodyPart | undefined {
  for (const element of udhElements(fields.short_message, fields.esm_class ?? 0)) {
    if (element[0] === 0x00 && element[1] === 3 && element.length >= 5)
      return { reference: element[2]!, total: element[3]!, sequence: element[4]! };
    if (element[0] === 0x08 && element[1] === 4 && element.length >= 6)
      return { reference: element.readUInt16BE(2), total: element[4]!, sequence: element[5]! };
  }
  const { sar_msg_ref_num: reference, sar_total_segments: total, sar_segment_seqnum: sequence } = fields;
  if (total !== undefined && sequence !== undefined) return { reference: reference ?? 0, total, sequence };
  return undefined;
}

/** The body as text (Latin-1 for raw bytes), for reading a receipt's `stat:` and `err:`. */
export function bodyText(fields: PduBodyFields): string {
  const pick = (body: Body) => {
    if (body === undefined) return '';
    const message = typeof body === 'string' || Buffer.isBuffer(body) ? body : body.message;
    return typeof message === 'string' ? message : message.toString('latin1');
  };
  return pick(fields.short_message) || pick(fields.message_payload);
}

/** Octets `text` takes in `dataCoding`, as the `smpp` package encodes and decodes it. */
export function encodedByteLength(text: string, dataCoding: number): number {
  switch (dataCoding & 0x0f) {
    case 0x00:
    case 0x01:
      // Unpacked GSM-7: one octet per character, two for the extension table.
      return text.length + (text.match(GSM7_EXTENSION)?.length ?? 0);
    case 0x08:
      return text.length * 2;
    default:
      return text.length;
  }
}

function lengthOf(body: NonNullable<Body>, dataCoding: number): number {
  if (Buffer.isBuffer(body)) return body.length;
  if (typeof body === 'string') return encodedByteLength(body, dataCoding);
  return udhLength(body) + lengthOf(body.message, dataCoding);
}

function udhLength(decoded: DecodedMessage): number {
  if (decoded.udh === undefined || decoded.udh.length === 0) return 0;
  // The UDHL octet, then the elements.
  return 1 + decoded.udh.reduce((sum, element) => sum + element.length, 0);
}

/** The UDH information elements: decoded ones as the package split them, raw ones split here. */
function udhElements(body: Body, esmClass: number): readonly Buffer[] {
  if (body === undefined || typeof body === 'string') return [];
  if (!Buffer.isBuffer(body)) return body.udh ?? [];
  if ((esmClass & UDH_INDICATOR) === 0 || body.length === 0) return [];
  const end = Math.min(body.length, 1 + body[0]!);
  const elements: Buffer[] = [];
  for (let cursor = 1; cursor + 1 < end; ) {
    const next = cursor + 2 + body[cursor + 1]!;
    if (next > end) break;
    elements.push(body.subarray(cursor, next));
    cursor = next;
  }
  return elements;
}
