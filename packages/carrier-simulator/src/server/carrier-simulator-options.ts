import type { SandboxOutcome } from '@karvon/contract';
import { z } from 'zod';
import type { MessageIdFormat } from '../message-ids/message-id-format';

/** One ESME account the simulated carrier knows. */
export interface SimulatorAccount {
  readonly systemId: string;
  readonly password: string;
  /** Binds open at once for this account, all modes counted; one more is refused with ESME_RBINDFAIL. Default 4. */
  readonly maxBinds?: number;
  /** How message ids are written. Default `decimal`. */
  readonly messageIdFormat?: MessageIdFormat;
  /** Milliseconds between the submit_sm_resp and the final receipt. Default 0. */
  readonly receiptDelayMs?: number;
  /** A receipt for every part of a long message, or for its last part only. Default `every-part`. */
  readonly receiptsFor?: 'every-part' | 'last-part';
  /** IANA zone the receipt dates are written in, without a zone marker. Default `UTC`. */
  readonly receiptTimeZone?: string;
  /** Write receipt dates `YYMMDDhhmmss` instead of `YYMMDDhhmm`. Default false. */
  readonly receiptDateSeconds?: boolean;
  /**
   * What the `receipted_message_id` TLV carries: the id as written in the receipt text
   * (default), the id as in the submit_sm_resp, or nothing (text only, like older SMSCs).
   */
  readonly receiptedMessageId?: 'receipt' | 'response' | 'omit';
}

export interface CarrierSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  readonly accounts: readonly SimulatorAccount[];
  /** The `system_id` the SMSC answers binds with. Default `KARVONSIM`. */
  readonly systemId?: string;
  /** Replaces the sandbox table's delay per outcome (`delayed` waits 30 s there). */
  readonly outcomeDelays?: Readonly<Partial<Record<SandboxOutcome, number>>>;
  /** The number behind the first message id. Default 1000000. */
  readonly firstMessageId?: number;
  /** Clock for receipt dates. Default Date.now. */
  readonly now?: () => number;
}

const style = z.union([
  z.enum(['decimal', 'hex', 'hex-upper']),
  z.object({
    base: z.union([z.literal(10), z.literal(16)]),
    width: z.int().min(1).max(64).optional(),
    upperCase: z.boolean().optional(),
  }),
]);

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

const account = z.object({
  systemId: z.string().min(1).max(15),
  password: z.string().max(8),
  maxBinds: z.int().min(1).optional(),
  messageIdFormat: z.union([style, z.object({ response: style, receipt: style })]).optional(),
  receiptDelayMs: z.number().min(0).optional(),
  receiptsFor: z.enum(['every-part', 'last-part']).optional(),
  receiptTimeZone: timeZone.optional(),
  receiptDateSeconds: z.boolean().optional(),
  receiptedMessageId: z.enum(['receipt', 'response', 'omit']).optional(),
});

/** Checks the options at start so a typo fails loudly instead of binding nothing. */
export const carrierSimulatorOptionsSchema = z.object({
  host: z.string().optional(),
  port: z.int().min(0).max(65535).optional(),
  accounts: z.array(account).min(1),
  systemId: z.string().max(15).optional(),
  outcomeDelays: z.record(z.string(), z.number().min(0)).optional(),
  firstMessageId: z.int().min(0).optional(),
  now: z.custom<() => number>((v) => typeof v === 'function').optional(),
});
