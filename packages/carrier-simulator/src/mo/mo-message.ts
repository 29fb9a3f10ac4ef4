import { encode, split } from '@karvon/sdk/encoding';

/** An inbound (mobile-originated) message to send to the ESME. */
export interface MoMessage {
  /** The handset's number, as the SMSC writes it (e.g. `998901234567`). */
  readonly from: string;
  /** The short code or long number it was sent to. */
  readonly to: string;
  readonly text: string;
  /** The account whose receiving bind gets it. Default: the first account. */
  readonly account?: string;
  /**
   * A text longer than one SMS arrives as several deliver_sm with a concatenation UDH (true,
   * the default) or as one deliver_sm with the whole text in `message_payload` (false).
   */
  readonly concatenated?: boolean;
  /** Concatenation reference of the parts. Default: derived from the text. */
  readonly reference?: number;
}

/** The deliver_sm fields for an MO message, one entry per deliver_sm. */
export function moDeliverFields(mo: MoMessage): Record<string, unknown>[] {
  const base = {
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: mo.from,
    dest_addr_ton: /^\d{3,6}$/.test(mo.to) ? 3 : 1,
    dest_addr_npi: 1,
    destination_addr: mo.to,
  };
  // SMPP carries GSM-7 unpacked, one septet per octet, with data_coding 0.
  const result = split(mo.text, {
    gsm7Packing: 'unpacked',
    ...(mo.reference === undefined ? {} : { reference: mo.reference }),
  });
  const dataCoding = result.encoding === 'UCS-2' ? 8 : 0;
  if (result.parts.length > 1 && mo.concatenated === false) {
    const payload = encode(result.text ?? mo.text, { encoding: result.encoding });
    return [{ ...base, esm_class: 0, data_coding: dataCoding, message_payload: Buffer.from(payload) }];
  }
  return result.parts.map((part) => ({
    ...base,
    esm_class: part.udh.length > 0 ? 0x40 : 0,
    data_coding: dataCoding,
    short_message: Buffer.from(part.userData),
  }));
}
