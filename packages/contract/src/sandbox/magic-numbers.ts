import { pure } from '../internal/pure';

/**
 * The sandbox magic numbers: the recipient number decides what happens to a
 * message, so integrators can exercise every outcome of the message state
 * machine. The gateway plays the carrier for test keys (`kv_test_…`), and the
 * carrier simulator (`@karvon/carrier-simulator`) answers the same numbers over
 * SMPP, so both agree on one table: this one.
 *
 * Two families of documented numbers, both valid mobile numbers for
 * libphonenumber (so they pass validation like real ones):
 * - Uzbekistan: +998 90 000 00 0X.
 * - North America: +1 202 555 01XX. The 555-0100…555-0199 lines are reserved
 *   for fictional use in every area code (NANPA), so no real person is ever
 *   texted by mistake. (+1 555 … is not a valid area code and fails
 *   validation, so it cannot be used.)
 *
 * Every other number is delivered at once. docs/guides/sandbox.md lists the table.
 */

export type SandboxOutcome = 'delivered' | 'failed' | 'bounced' | 'expired' | 'delayed' | 'unknown';

export interface SandboxBehaviour {
  readonly outcome: SandboxOutcome;
  /**
   * The status the message ends in. `delayed` ends `delivered`; `unknown`
   * stays `unknown` (the fake carrier never sends a receipt).
   */
  readonly finalStatus: 'delivered' | 'failed' | 'bounced' | 'expired' | 'unknown';
  /**
   * Where the outcome happens. `carrier`: the fake carrier accepts the
   * message (`queued` → `sent`) and the final status comes as a receipt;
   * submitted parts are billed, so no refund. `queue`: the message never
   * reaches the fake carrier (`queued` → final) and is refunded, as any
   * message no carrier accepted. (A real SMSC that is sent such a number
   * anyway answers with an `EXPIRED` receipt after the delay.)
   */
  readonly stage: 'carrier' | 'queue';
  /** Milliseconds before the final status: after `sent` (carrier) or in the queue (queue). */
  readonly delayMs: number;
  /** Carrier error code and reason shown in the status history, for failures. */
  readonly error?: { readonly code: string; readonly reason: string };
  readonly description: string;
}

/** One behaviour per outcome. */
export const SANDBOX_BEHAVIOURS: Readonly<Record<SandboxOutcome, SandboxBehaviour>> = {
  delivered: {
    outcome: 'delivered',
    finalStatus: 'delivered',
    stage: 'carrier',
    delayMs: 0,
    description: 'Delivered at once.',
  },
  failed: {
    outcome: 'failed',
    stage: 'carrier',
    finalStatus: 'failed',
    delayMs: 0,
    error: { code: 'carrier_rejected', reason: 'The carrier refused the message (sandbox).' },
    description: 'Sent, then failed with a carrier error.',
  },
  bounced: {
    outcome: 'bounced',
    stage: 'carrier',
    finalStatus: 'bounced',
    delayMs: 0,
    error: { code: 'unknown_subscriber', reason: 'The number is not allocated to a subscriber (sandbox).' },
    description: 'Sent, then bounced: the number does not exist. Remove it from your list.',
  },
  expired: {
    outcome: 'expired',
    finalStatus: 'expired',
    stage: 'queue',
    delayMs: 5_000,
    error: {
      code: 'validity_expired',
      reason: 'The validity period ended before a carrier accepted the message (sandbox).',
    },
    description: 'Waits in the queue for 5 seconds, then expires there and is refunded.',
  },
  delayed: {
    outcome: 'delayed',
    stage: 'carrier',
    finalStatus: 'delivered',
    delayMs: 30_000,
    description: 'Sent, then delivered 30 seconds later (a slow receipt).',
  },
  unknown: {
    outcome: 'unknown',
    stage: 'carrier',
    finalStatus: 'unknown',
    delayMs: 0,
    description: 'Sent; no delivery receipt ever arrives, so the status stays `unknown`.',
  },
};

export interface MagicNumber {
  /** E.164. */
  readonly number: string;
  readonly behaviour: SandboxBehaviour;
}

/** The outcomes in the order their numbers end: …01 delivered to …06 unknown. */
export const SANDBOX_OUTCOMES: readonly SandboxOutcome[] = [
  'delivered',
  'failed',
  'bounced',
  'expired',
  'delayed',
  'unknown',
];

/**
 * The documented numbers, in order: for each outcome, one Uzbek and one North
 * American number (…01 delivered, …02 failed, …03 bounced, …04 expired,
 * …05 delayed, …06 unknown).
 */
export const SANDBOX_MAGIC_NUMBERS: readonly MagicNumber[] = pure(() =>
  SANDBOX_OUTCOMES.flatMap((outcome, i) => [
    { number: `+99890000000${i + 1}`, behaviour: SANDBOX_BEHAVIOURS[outcome] },
    { number: `+1202555010${i + 1}`, behaviour: SANDBOX_BEHAVIOURS[outcome] },
  ]),
);

/** What happens to any other number. */
export const SANDBOX_DEFAULT_BEHAVIOUR: SandboxBehaviour = SANDBOX_BEHAVIOURS.delivered;

/** The sandbox behaviour for a recipient (E.164). */
export function sandboxOutcome(e164: string): SandboxBehaviour {
  // A linear scan of twelve entries: cheaper than building a Map at import
  // time, which would keep the table out of tree-shaking.
  for (const m of SANDBOX_MAGIC_NUMBERS) if (m.number === e164) return m.behaviour;
  return SANDBOX_DEFAULT_BEHAVIOUR;
}

/** True for a documented magic number. */
export function isMagicNumber(e164: string): boolean {
  return SANDBOX_MAGIC_NUMBERS.some((m) => m.number === e164);
}
