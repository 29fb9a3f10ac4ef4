import type { DecodedMessage, PDU } from 'smpp';

/** What the simulator needs from a submit_sm. */
export interface SubmittedMessage {
  readonly source: string;
  readonly destination: string;
  /** Decoded text of this part (binary payloads as hex). */
  readonly text: string;
  readonly dataCoding: number;
  readonly registeredDelivery: number;
  /** Concatenation from a UDH IE (0x00 or 0x08) or the SAR TLVs; null for a single part. */
  readonly part: { readonly reference: number; readonly total: number; readonly sequence: number } | null;
  /** Everything that makes two submits the same message part, for duplicate counting. */
  readonly content: string;
}

/**
 * Reads a submit_sm as the `smpp` package decoded it. The package turns `short_message` into
 * `{ udh, message }` and decodes the text by `data_coding`; `message_payload` is read when
 * `short_message` is empty.
 */
export function readSubmit(pdu: PDU): SubmittedMessage {
  const body = nonEmpty(pdu.short_message) ?? nonEmpty(pdu.message_payload);
  const udh = body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? (body.udh ?? []) : [];
  const text = textOf(body);
  const dataCoding = pdu.data_coding ?? 0;
  const udhHex = udh.map((ie) => ie.toString('hex')).join('');
  return {
    source: pdu.source_addr ?? '',
    destination: pdu.destination_addr ?? '',
    text,
    dataCoding,
    registeredDelivery: pdu.registered_delivery ?? 0,
    part: concatenation(udh, pdu),
    content: `${dataCoding}|${udhHex}|${text}`,
  };
}

type Body = DecodedMessage | Buffer | string;

function nonEmpty(body: Body | undefined): Body | null {
  if (body === undefined) return null;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body.length > 0 ? body : null;
  const message = body.message;
  return message.length > 0 || (body.udh?.length ?? 0) > 0 ? body : null;
}

function textOf(body: Body | null): string {
  if (body === null) return '';
  const message = typeof body === 'string' || Buffer.isBuffer(body) ? body : body.message;
  return typeof message === 'string' ? message : message.toString('hex');
}

function concatenation(udh: readonly Buffer[], pdu: PDU): SubmittedMessage['part'] {
  for (const ie of udh) {
    // IE 0x00: 8-bit reference, total, sequence; IE 0x08: 16-bit reference.
    if (ie[0] === 0x00 && ie[1] === 3 && ie.length >= 5) return { reference: ie[2]!, total: ie[3]!, sequence: ie[4]! };
    if (ie[0] === 0x08 && ie[1] === 4 && ie.length >= 6)
      return { reference: ie.readUInt16BE(2), total: ie[4]!, sequence: ie[5]! };
  }
  if (pdu.sar_total_segments !== undefined && pdu.sar_segment_seqnum !== undefined)
    return { reference: pdu.sar_msg_ref_num ?? 0, total: pdu.sar_total_segments, sequence: pdu.sar_segment_seqnum };
  return null;
}
