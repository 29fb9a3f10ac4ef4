import type { KnownMessageStatus, KnownSenderKind } from '@karvon/contract';

/**
 * The version of the {@link Carrier} interface. Raise it when the shape changes on purpose, so a
 * connector built for an older one is refused instead of misbehaving.
 */
export const CARRIER_INTERFACE_VERSION = 1 as const;

/** How the connector may pick the alphabet: as analysed, or with look-alikes replaced first (smart encoding). */
export type EncodingHint = 'auto' | 'smart';

/** One message as the dispatcher hands it to a carrier. */
export interface OutboundMessage {
  /** Our message id (for logs and traces; never sent to the carrier). */
  readonly id: string;
  /** E.164, with the `+`. */
  readonly destination: string;
  readonly source: string;
  readonly senderKind: KnownSenderKind;
  readonly text: string;
  readonly encoding: EncodingHint;
  /** Ask the carrier for a delivery receipt. */
  readonly registeredDelivery: boolean;
  /** When the carrier should stop trying; passed as the validity period. */
  readonly expiresAt?: Date;
}

/**
 * Every submit attempt ends as exactly one of these.
 * - `not_sent`: never written, or the carrier answered that it did not take it (generic_nack,
 *   a temporary error, a throttle). Safe to send again; `throttled` asks for a requeue on the same
 *   route, never a failover or a circuit-breaker count.
 * - `rejected`: the carrier refused it for good (per the profile's code map); `bounced` when the
 *   recipient was refused.
 * - `accepted`: one carrier id per part, normalised (see `normaliseMessageId`).
 * - `ambiguous`: written, then no answer (bind dropped, response timed out). The message may have
 *   gone out: it becomes `unknown` and must not be sent again.
 */
export type SubmitOutcome =
  | { readonly kind: 'not_sent'; readonly reason: string; readonly retryable: boolean; readonly throttled?: boolean }
  | {
      readonly kind: 'rejected';
      readonly permanent: true;
      readonly code: number;
      readonly reason: string;
      readonly bounced: boolean;
    }
  | { readonly kind: 'accepted'; readonly carrierMessageIds: readonly string[] }
  | { readonly kind: 'ambiguous'; readonly reason: string };

/** A delivery receipt (final or intermediate) as the carrier reported it. */
export interface CarrierReceipt {
  /** Normalised, comparable with `accepted.carrierMessageIds`. */
  readonly carrierMessageId: string;
  /** The id as the carrier wrote it. */
  readonly rawMessageId: string;
  /** The receipt state word (`DELIVRD`, `ENROUTE`, …), upper case. */
  readonly state: string;
  /** The status it moves the part to, or null for an intermediate receipt (no terminal change). */
  readonly status: Exclude<KnownMessageStatus, 'scheduled' | 'queued' | 'sent' | 'canceled'> | null;
  /** The carrier's error code (`err:`), when given. */
  readonly errorCode: string | null;
  readonly submittedAt: Date | null;
  readonly doneAt: Date | null;
  /** Which bind it came on. */
  readonly bindId: string;
}

/** An inbound (MO) message part; reassembly of concatenated parts is left to the caller. */
export interface InboundMessage {
  readonly source: string;
  readonly destination: string;
  readonly text: string;
  readonly dataCoding: number;
  /** Concatenation info from the UDH or SAR TLVs; null for a single part. */
  readonly part: { readonly reference: number; readonly total: number; readonly sequence: number } | null;
  readonly bindId: string;
}

/**
 * Handlers may be async: the connector acknowledges the PDU (deliver_sm_resp) only once the
 * returned promise resolves, so a receipt is never acknowledged before it is committed. A throw
 * answers with a temporary error so the carrier sends it again.
 */
export type ReceiptHandler = (receipt: CarrierReceipt) => void | Promise<void>;
export type InboundHandler = (message: InboundMessage) => void | Promise<void>;

export type BindState = 'connecting' | 'bound' | 'reconnecting' | 'closed';

export interface BindStatus {
  readonly id: string;
  readonly mode: 'transceiver' | 'transmitter' | 'receiver';
  readonly state: BindState;
  /** submit_sm written and not answered yet. */
  readonly windowUsed: number;
  readonly windowSize: number;
  /** The bind's current send rate (AIMD), in submits per second. */
  readonly rate: number;
}

export interface CarrierState {
  readonly interfaceVersion: typeof CARRIER_INTERFACE_VERSION;
  readonly carrier: string;
  readonly binds: readonly BindStatus[];
  /** Submits written in the last second vs the account's cap. */
  readonly tps: { readonly actual: number; readonly cap: number };
}

/** One carrier account, whatever the protocol. */
export interface Carrier {
  readonly interfaceVersion: typeof CARRIER_INTERFACE_VERSION;
  readonly id: string;
  submit(message: OutboundMessage): Promise<SubmitOutcome>;
  /** Returns a function that removes the handler. */
  onReceipt(handler: ReceiptHandler): () => void;
  onInbound(handler: InboundHandler): () => void;
  state(): CarrierState;
  close(): Promise<void>;
}
