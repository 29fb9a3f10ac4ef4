import type { PDU, PduOptions } from 'smpp';
import {
  CARRIER_INTERFACE_VERSION,
  type Carrier,
  type CarrierReceipt,
  type CarrierState,
  type InboundHandler,
  type InboundMessage,
  type OutboundMessage,
  type ReceiptHandler,
  type SubmitOutcome,
} from '../carrier';
import type { CarrierProfile } from '../profiles/carrier-profile';
import { type PduResult, SmppBind } from './internal/smpp-bind';
import { TokenBucket } from './internal/token-bucket';
import { normaliseMessageId } from './message-id';
import { type PduTraceSink, pduTracer } from './pdu-trace';
import { receiptStateForMessageState, statusForReceiptState } from './receipt-state';
import { parseReceiptText } from './receipt-text';
import { planSubmit } from './submit-plan';
import { classifySubmitStatus } from './submit-status';

export interface SmppConnectorOptions {
  /** Wait at most this long for the first transmit bind at start. Default 10 s. */
  readonly startTimeoutMs?: number;
  /** Throttled later parts of a long message are sent again this many times. Default 5. */
  readonly partThrottleRetries?: number;
  readonly random?: () => number;
  readonly now?: () => number;
  /**
   * Gets every PDU written or read on the account's binds, masked (see `PduTraceEntry`); e.g.
   * `createPduTraceBuffer().sink`. Without it no entry is built. A sink that throws loses its entry only.
   */
  readonly trace?: PduTraceSink;
}

/** Thrown by {@link connectSmppCarrier} when no transmit bind came up in time. */
export class SmppConnectError extends Error {
  override readonly name = 'SmppConnectError';
}

// deliver_sm_resp status when a handler failed: temporary, so the carrier sends it again.
const ESME_RX_T_APPN = 0x64;
const MAX_REFERENCE_DESTINATIONS = 100_000;

/**
 * Opens the binds a carrier profile allows and returns the account as a {@link Carrier}. Resolves
 * once a transmit-capable bind is bound; the others keep (re)connecting in the background.
 */
export async function connectSmppCarrier(
  profile: CarrierProfile,
  options: SmppConnectorOptions = {},
): Promise<Carrier> {
  const connector = new SmppConnector(profile, options);
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const bound = await Promise.race([connector.transmitterBound().then(() => true as const), timedOut]);
  clearTimeout(timer);
  if (!bound) {
    await connector.close();
    throw new SmppConnectError(`Carrier ${profile.id}: no transmit bind within ${timeoutMs} ms`);
  }
  return connector;
}

class SmppConnector implements Carrier {
  readonly interfaceVersion = CARRIER_INTERFACE_VERSION;
  readonly id: string;
  readonly #profile: CarrierProfile;
  readonly #binds: SmppBind[];
  readonly #accountBucket: TokenBucket;
  readonly #now: () => number;
  readonly #partRetries: number;
  readonly #random: () => number;
  #receiptHandlers = new Set<ReceiptHandler>();
  #inboundHandlers = new Set<InboundHandler>();
  #references = new Map<string, number>();
  #writes: number[] = [];
  #closed = false;

  constructor(profile: CarrierProfile, options: SmppConnectorOptions) {
    this.id = profile.id;
    this.#profile = profile;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#partRetries = options.partThrottleRetries ?? 5;
    this.#accountBucket = new TokenBucket(profile.tps, this.#now);
    const onPdu = options.trace === undefined ? undefined : pduTracer(options.trace, profile.id, this.#now);
    const modes: ('transceiver' | 'transmitter' | 'receiver')[] =
      profile.bindMode === 'transceiver'
        ? Array.from({ length: profile.binds }, () => 'transceiver' as const)
        : Array.from({ length: profile.binds }, (_, i) =>
            i < Math.floor(profile.binds / 2) ? 'transmitter' : 'receiver',
          );
    this.#binds = modes.map(
      (mode, index) =>
        new SmppBind({
          id: `${profile.id}#${index + 1}`,
          mode,
          profile,
          accountBucket: this.#accountBucket,
          random: this.#random,
          now: this.#now,
          onDeliver: (pdu, bindId) => this.#delivered(pdu, bindId),
          onWrite: () => this.#writes.push(this.#now()),
          ...(onPdu === undefined ? {} : { onPdu }),
        }),
    );
  }

  transmitterBound(): Promise<void> {
    return Promise.race(this.#binds.filter((bind) => bind.canTransmit).map((bind) => bind.bound()));
  }

  async submit(message: OutboundMessage): Promise<SubmitOutcome> {
    if (this.#closed) return { kind: 'not_sent', reason: 'carrier closed', retryable: true };
    if (message.expiresAt !== undefined && message.expiresAt.getTime() <= this.#now()) {
      return { kind: 'not_sent', reason: 'validity ran out before submit', retryable: false };
    }
    let pdus: PduOptions[];
    try {
      pdus = planSubmit(message, this.#profile, (bits) => this.#nextReference(message.destination, bits), this.#now());
    } catch (error) {
      return { kind: 'not_sent', reason: `cannot encode: ${(error as Error).message}`, retryable: false };
    }
    // All parts of one message on one bind: the one with the most room.
    const bind = this.#binds
      .filter((b) => b.canTransmit && b.state === 'bound')
      .sort((a, b) => b.freeSlots - a.freeSlots)[0];
    if (bind === undefined) return { kind: 'not_sent', reason: 'no transmit bind bound', retryable: true };

    const ids: string[] = [];
    for (const [index, options] of pdus.entries()) {
      const partial = index > 0;
      const where = pdus.length > 1 ? ` (part ${index + 1} of ${pdus.length})` : '';
      let attempts = 0;
      for (;;) {
        const result: PduResult = await bind.submit(options);
        if (result.kind === 'unwritten') {
          return partial
            ? { kind: 'ambiguous', reason: `partially submitted: ${result.reason}${where}` }
            : { kind: 'not_sent', reason: result.reason, retryable: true };
        }
        if (result.kind === 'lost') return { kind: 'ambiguous', reason: `${result.reason}${where}` };
        const pdu = result.pdu;
        if (pdu.command === 'generic_nack') {
          return partial
            ? { kind: 'ambiguous', reason: `partially submitted: generic_nack${where}` }
            : { kind: 'not_sent', reason: 'generic_nack', retryable: true };
        }
        if (pdu.command_status === 0) {
          bind.aimd.succeeded();
          ids.push(normaliseMessageId(pdu.message_id ?? '', this.#profile.messageIdFormat.response));
          break;
        }
        const verdict = classifySubmitStatus(pdu.command_status, this.#profile);
        if (verdict.kind === 'throttled') {
          bind.aimd.throttled();
          // A later part may be sent again: it was not accepted, and the earlier ones are out.
          if (partial && attempts++ < this.#partRetries) continue;
          return partial
            ? { kind: 'ambiguous', reason: `partially submitted: ${verdict.reason}${where}` }
            : { kind: 'not_sent', reason: verdict.reason, retryable: true, throttled: true };
        }
        if (verdict.kind === 'permanent') {
          return {
            kind: 'rejected',
            permanent: true,
            code: pdu.command_status,
            reason: `${verdict.reason}${where}`,
            bounced: verdict.bounced,
          };
        }
        return partial
          ? { kind: 'ambiguous', reason: `partially submitted: ${verdict.reason}${where}` }
          : { kind: 'not_sent', reason: verdict.reason, retryable: true };
      }
    }
    return { kind: 'accepted', carrierMessageIds: ids };
  }

  onReceipt(handler: ReceiptHandler): () => void {
    this.#receiptHandlers.add(handler);
    return () => this.#receiptHandlers.delete(handler);
  }

  onInbound(handler: InboundHandler): () => void {
    this.#inboundHandlers.add(handler);
    return () => this.#inboundHandlers.delete(handler);
  }

  state(): CarrierState {
    const since = this.#now() - 1000;
    while (this.#writes.length > 0 && this.#writes[0]! < since) this.#writes.shift();
    return {
      interfaceVersion: CARRIER_INTERFACE_VERSION,
      carrier: this.id,
      binds: this.#binds.map((bind) => bind.status()),
      tps: { actual: this.#writes.length, cap: this.#profile.tps },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#binds.map((bind) => bind.close()));
  }

  // Concatenation references unique per destination: a counter per number, from a random start.
  #nextReference(destination: string, bits: 8 | 16): number {
    const modulo = bits === 16 ? 0x10000 : 0x100;
    const previous = this.#references.get(destination) ?? Math.floor(this.#random() * modulo);
    const next = (previous + 1) % modulo;
    this.#references.delete(destination);
    if (this.#references.size >= MAX_REFERENCE_DESTINATIONS) {
      const oldest = this.#references.keys().next().value;
      if (oldest !== undefined) this.#references.delete(oldest);
    }
    this.#references.set(destination, next);
    return next;
  }

  async #delivered(pdu: PDU, bindId: string): Promise<number> {
    try {
      const kind = (pdu.esm_class ?? 0) & 0x3c;
      // 0x04 MC delivery receipt, 0x20 intermediate delivery notification (SMPP 3.4 §5.2.12).
      if (kind === 0x04 || kind === 0x20) {
        const receipt = this.#readReceipt(pdu, bindId);
        for (const handler of this.#receiptHandlers) await handler(receipt);
      } else {
        const message = readInbound(pdu, bindId);
        for (const handler of this.#inboundHandlers) await handler(message);
      }
      return 0;
    } catch {
      return ESME_RX_T_APPN;
    }
  }

  #readReceipt(pdu: PDU, bindId: string): CarrierReceipt {
    const format = this.#profile.messageIdFormat;
    const fields = parseReceiptText(bodyText(pdu), this.#profile.receiptTimeZone);
    const tlvId =
      typeof pdu.receipted_message_id === 'string' && pdu.receipted_message_id !== '' ? pdu.receipted_message_id : null;
    const rawMessageId = tlvId ?? fields.id ?? '';
    const style = tlvId !== null ? (format.receiptedMessageId ?? format.receipt) : format.receipt;
    const tlvState = typeof pdu.message_state === 'number' ? receiptStateForMessageState(pdu.message_state) : null;
    const state = tlvState ?? fields.stat ?? 'UNKNOWN';
    return {
      carrierMessageId: normaliseMessageId(rawMessageId, style),
      rawMessageId,
      state,
      status: statusForReceiptState(state),
      errorCode: fields.err,
      submittedAt: fields.submitDate,
      doneAt: fields.doneDate,
      bindId,
    };
  }
}

function bodyText(pdu: PDU): string {
  const pick = (body: PDU['short_message']) => {
    if (body === undefined) return '';
    const message = typeof body === 'string' || Buffer.isBuffer(body) ? body : body.message;
    return typeof message === 'string' ? message : message.toString('latin1');
  };
  return pick(pdu.short_message) || pick(pdu.message_payload);
}

function readInbound(pdu: PDU, bindId: string): InboundMessage {
  const body = pdu.short_message;
  const udh = body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body) ? (body.udh ?? []) : [];
  let part: InboundMessage['part'] = null;
  for (const ie of udh) {
    if (ie[0] === 0x00 && ie[1] === 3 && ie.length >= 5) part = { reference: ie[2]!, total: ie[3]!, sequence: ie[4]! };
    if (ie[0] === 0x08 && ie[1] === 4 && ie.length >= 6)
      part = { reference: ie.readUInt16BE(2), total: ie[4]!, sequence: ie[5]! };
  }
  if (part === null && pdu.sar_total_segments !== undefined && pdu.sar_segment_seqnum !== undefined) {
    part = { reference: pdu.sar_msg_ref_num ?? 0, total: pdu.sar_total_segments, sequence: pdu.sar_segment_seqnum };
  }
  return {
    source: pdu.source_addr ?? '',
    destination: pdu.destination_addr ?? '',
    text: bodyText(pdu),
    dataCoding: pdu.data_coding ?? 0,
    part,
    bindId,
  };
}
