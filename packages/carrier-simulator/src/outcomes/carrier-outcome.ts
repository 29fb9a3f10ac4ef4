import { type SandboxOutcome, sandboxOutcome } from '@karvon/contract';
import type { ReceiptState } from '../receipts/receipt-state';

/** What the simulated carrier does with a message once it has accepted it. */
export interface CarrierOutcome {
  readonly outcome: SandboxOutcome;
  /** The final receipt, or null when none is ever sent (`unknown`). */
  readonly receipt: { readonly state: ReceiptState; readonly error: string } | null;
  /** Extra milliseconds before the final receipt, on top of the account's receipt delay. */
  readonly extraDelayMs: number;
}

/**
 * The receipt each sandbox outcome becomes on the wire. The error codes are GSM MAP's
 * (1 unknown subscriber, 34 system failure), written the three-digit way receipts carry them.
 */
const RECEIPTS: Readonly<Record<SandboxOutcome, CarrierOutcome['receipt']>> = {
  delivered: { state: 'DELIVRD', error: '000' },
  failed: { state: 'UNDELIV', error: '034' },
  bounced: { state: 'REJECTD', error: '001' },
  expired: { state: 'EXPIRED', error: '000' },
  delayed: { state: 'DELIVRD', error: '000' },
  unknown: null,
};

/**
 * The outcome for a destination address as a submit_sm carries it (`998900000002`,
 * `+998900000002` or `00998900000002`): the sandbox magic numbers shared with the gateway,
 * delivered for every other number. `delayOverrides` replaces the table's delay for an
 * outcome (tests do not wait 30 seconds for `delayed`).
 */
export function carrierOutcome(
  destination: string,
  delayOverrides: Readonly<Partial<Record<SandboxOutcome, number>>> = {},
): CarrierOutcome {
  const behaviour = sandboxOutcome(toE164(destination));
  const override = delayOverrides[behaviour.outcome];
  return {
    outcome: behaviour.outcome,
    receipt: RECEIPTS[behaviour.outcome],
    extraDelayMs: override ?? behaviour.delayMs,
  };
}

function toE164(address: string): string {
  const digits = address.replace(/[^0-9]/g, '');
  return `+${digits.startsWith('00') ? digits.slice(2) : digits}`;
}
