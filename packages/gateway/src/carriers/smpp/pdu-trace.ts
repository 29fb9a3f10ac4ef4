import type { PDU } from 'smpp';
import { maskPhoneNumbersIn } from '../../logging/logger';
import { bodyByteLength, bodyPart, bodyText } from './internal/pdu-body';
import { receiptStateForMessageState } from './receipt-state';
import { parseReceiptText } from './receipt-text';

export type PduDirection = 'out' | 'in';

/**
 * One PDU as an operator may see it. Built field by field from a list of what is safe: never the
 * message text (`short_message`, `message_payload`, the receipt text beyond `stat`/`err`), never
 * `password` or `system_id`, and phone numbers masked (`99890*****67`).
 */
export interface PduTraceEntry {
  /** When it was written or read (the connector's clock, epoch ms). */
  readonly at: number;
  readonly carrier: string;
  readonly bind: string;
  readonly direction: PduDirection;
  readonly command: string;
  readonly sequence: number;
  /** command_status, on responses and generic_nack only. */
  readonly status?: number;
  /** submit_sm_resp / data_sm_resp message_id; for a receipt, the id it reports on. */
  readonly messageId?: string;
  /** Masked when phone-number-like; alphanumeric senders and short codes as they are. */
  readonly source?: string;
  readonly destination?: string;
  readonly dataCoding?: number;
  readonly parts?: { readonly reference: number; readonly total: number; readonly sequence: number };
  /** Byte length of short_message / message_payload (UDH included), never the content. */
  readonly length?: number;
  /** deliver_sm receipts: the state and error code only. */
  readonly receipt?: { readonly state: string; readonly err: string | null };
}

export type PduTraceSink = (entry: PduTraceEntry) => void;

/** What {@link pduTracer} returns: called by a bind with each PDU it wrote or read. */
export type PduTraceHook = (direction: PduDirection, pdu: PDU, bindId: string) => void;

type Draft = { -readonly [K in keyof PduTraceEntry]: PduTraceEntry[K] };

const MESSAGE_COMMANDS = new Set(['submit_sm', 'deliver_sm', 'data_sm']);
const MESSAGE_ID_RESPONSES = new Set(['submit_sm_resp', 'data_sm_resp']);
const TON_INTERNATIONAL = 1;
const DIGITS = /^\d+$/;
// A receipt's `stat:`/`err:` as carriers write them. Anything else means the text was malformed
// (e.g. `err:000text:…` with no space) and the value may have swallowed message text.
const RECEIPT_CODE = /^[0-9A-Za-z_-]{1,12}$/;
const UNREADABLE = '[unreadable]';
// Message ids are up to 65 octets of letters, digits and a few separators; never spaces or colons.
const RECEIPT_ID = /^[\w.-]{1,65}$/;

/**
 * The hook a bind calls with each PDU, building the entry only then. A sink that throws, or a PDU
 * that cannot be described, loses its entry and nothing else: the hook runs inside the `smpp`
 * package's read loop, where a throw would stall the session.
 */
export function pduTracer(sink: PduTraceSink, carrier: string, now: () => number): PduTraceHook {
  return (direction, pdu, bindId) => {
    try {
      sink(describePdu(pdu, direction, { at: now(), carrier, bind: bindId }));
    } catch {
      // A trace is for looking at traffic; it must never change it.
    }
  };
}

/** The trace entry of one PDU: header fields, and for messages their masked addressing and shape. */
export function describePdu(
  pdu: PDU,
  direction: PduDirection,
  context: { readonly at: number; readonly carrier: string; readonly bind: string },
): PduTraceEntry {
  const entry: Draft = {
    at: context.at,
    carrier: context.carrier,
    bind: context.bind,
    direction,
    command: pdu.command,
    sequence: pdu.sequence_number,
  };
  if (pdu.isResponse()) entry.status = pdu.command_status;
  if (MESSAGE_ID_RESPONSES.has(pdu.command) && typeof pdu.message_id === 'string' && pdu.message_id !== '')
    entry.messageId = pdu.message_id;
  if (!MESSAGE_COMMANDS.has(pdu.command)) return entry;

  const source = maskAddress(pdu.source_addr, pdu.source_addr_ton);
  if (source !== undefined) entry.source = source;
  const destination = maskAddress(pdu.destination_addr, pdu.dest_addr_ton);
  if (destination !== undefined) entry.destination = destination;
  if (typeof pdu.data_coding === 'number') entry.dataCoding = pdu.data_coding;
  const part = bodyPart(pdu);
  if (part !== undefined) entry.parts = part;
  const length = bodyByteLength(pdu);
  if (length !== undefined) entry.length = length;
  if (pdu.command === 'deliver_sm' && isReceipt(pdu)) describeReceipt(pdu, entry);
  return entry;
}

/**
 * Phone numbers masked by the logger's rule. An international number (TON 1) written without
 * its `+`, as most carriers do, is masked as if it had one, so the country code stays readable.
 */
function maskAddress(address: string | undefined, ton: number | undefined): string | undefined {
  if (address === undefined || address === '') return undefined;
  if (ton === TON_INTERNATIONAL && DIGITS.test(address)) return maskPhoneNumbersIn(`+${address}`).slice(1);
  return maskPhoneNumbersIn(address);
}

// 0x04 MC delivery receipt, 0x20 intermediate delivery notification (SMPP 3.4 §5.2.12).
function isReceipt(pdu: PDU): boolean {
  const kind = (pdu.esm_class ?? 0) & 0x3c;
  return kind === 0x04 || kind === 0x20;
}

// The same precedence as the connector's reading: the TLVs first, then the receipt text.
function describeReceipt(pdu: PDU, entry: Draft): void {
  const fields = parseReceiptText(bodyText(pdu));
  const tlvId =
    typeof pdu.receipted_message_id === 'string' && pdu.receipted_message_id !== '' ? pdu.receipted_message_id : null;
  const messageId = tlvId ?? fields.id;
  if (messageId !== null) entry.messageId = tlvId !== null || RECEIPT_ID.test(messageId) ? messageId : UNREADABLE;
  const tlvState = typeof pdu.message_state === 'number' ? receiptStateForMessageState(pdu.message_state) : null;
  entry.receipt = {
    state: tlvState ?? (fields.stat === null ? 'UNKNOWN' : safeCode(fields.stat)),
    err: fields.err === null ? null : safeCode(fields.err),
  };
}

function safeCode(value: string): string {
  return RECEIPT_CODE.test(value) ? value : UNREADABLE;
}
