import { encode, split } from '@karvon/sdk/encoding';
import type { PduOptions } from 'smpp';
import type { OutboundMessage } from '../carrier';
import type { CarrierProfile } from '../profiles/carrier-profile';

/**
 * The submit_sm PDUs of one message, in order, per the carrier's profile: addressing, data_coding,
 * long-message mode, registered_delivery and validity. All parts share one concatenation
 * reference, `reference()` gives it (the connector keeps it unique per destination).
 *
 * @throws EncodingError when the text needs more than 255 parts.
 */
export function planSubmit(
  message: OutboundMessage,
  profile: CarrierProfile,
  reference: (bits: 8 | 16) => number,
  now: number,
): PduOptions[] {
  const address = profile.sourceAddress[message.senderKind];
  const smart = message.encoding === 'smart';
  const mode = profile.longMessageMode;
  const referenceBits = mode === 'udh16' ? 16 : 8;
  // GSM-7 travels unpacked (one septet per octet) in SMPP short_message.
  const result = split(message.text, { smartEncoding: smart, referenceBits, gsm7Packing: 'unpacked', reference: 0 });
  const dataCoding = result.encoding === 'UCS-2' ? profile.dataCoding.ucs2 : profile.dataCoding.gsm7;
  const base: PduOptions = {
    service_type: '',
    source_addr_ton: address.ton,
    source_addr_npi: address.npi,
    source_addr: message.senderKind === 'alphanumeric' ? message.source : message.source.replace(/^\+/, ''),
    dest_addr_ton: 1,
    dest_addr_npi: 1,
    destination_addr:
      profile.destinationFormat === 'international_plus'
        ? `+${message.destination.replace(/^\+/, '')}`
        : message.destination.replace(/^\+/, ''),
    data_coding: dataCoding,
    validity_period: message.expiresAt === undefined ? '' : validityPeriod(message.expiresAt, profile.validity, now),
  };
  const receipt = message.registeredDelivery ? 1 : 0;
  const total = result.parts.length;
  const deliveryFor = (index: number) =>
    profile.registeredDeliveryOn === 'last_part' && index < total - 1 ? 0 : receipt;

  if (total === 1) {
    return [{ ...base, esm_class: 0, registered_delivery: receipt, short_message: toBuffer(result.parts[0]!.payload) }];
  }
  if (mode === 'message_payload') {
    const whole = encode(result.text ?? message.text, { encoding: result.encoding, gsm7Packing: 'unpacked' });
    return [
      {
        ...base,
        esm_class: 0,
        registered_delivery: receipt,
        short_message: Buffer.alloc(0),
        message_payload: toBuffer(whole),
      },
    ];
  }
  const ref = reference(mode === 'udh8' ? 8 : 16);
  if (mode === 'sar') {
    return result.parts.map((part, index) => ({
      ...base,
      esm_class: 0,
      registered_delivery: deliveryFor(index),
      short_message: toBuffer(part.payload),
      sar_msg_ref_num: ref,
      sar_total_segments: total,
      sar_segment_seqnum: index + 1,
    }));
  }
  // UDH modes: rebuild with the reference so the header carries it.
  const parts = split(message.text, {
    smartEncoding: smart,
    referenceBits,
    gsm7Packing: 'unpacked',
    reference: ref,
  }).parts;
  return parts.map((part, index) => ({
    ...base,
    esm_class: 0x40,
    registered_delivery: deliveryFor(index),
    short_message: toBuffer(part.userData),
  }));
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const two = (n: number) => String(n).padStart(2, '0');

/** SMPP 3.4 §7.1.1: absolute `YYMMDDhhmmsstnnp` in UTC, or relative `YYMMDDhhmmss000R`. */
export function validityPeriod(expiresAt: Date, style: 'absolute' | 'relative', now: number): string {
  if (style === 'absolute') {
    const d = expiresAt;
    return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}000+`;
  }
  let seconds = Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000));
  const days = Math.min(99, Math.floor(seconds / 86_400));
  seconds -= days * 86_400;
  const hours = Math.min(23, Math.floor(seconds / 3600));
  seconds -= hours * 3600;
  const minutes = Math.min(59, Math.floor(seconds / 60));
  seconds = Math.min(59, seconds - minutes * 60);
  return `0000${two(days)}${two(hours)}${two(minutes)}${two(seconds)}000R`;
}
