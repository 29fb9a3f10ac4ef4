/** How an ESME is bound: it sends (`transmitter`), receives (`receiver`) or both (`transceiver`). */
export type BindMode = 'transmitter' | 'receiver' | 'transceiver';

/** The bind command for each mode. */
export const BIND_COMMANDS: Readonly<Record<string, BindMode>> = {
  bind_transmitter: 'transmitter',
  bind_receiver: 'receiver',
  bind_transceiver: 'transceiver',
};

/** True when the SMSC may send deliver_sm (receipts, MO) on a bind of this mode. */
export function canReceive(mode: BindMode): boolean {
  return mode !== 'transmitter';
}

/** True when the ESME may submit on a bind of this mode. */
export function canTransmit(mode: BindMode): boolean {
  return mode !== 'receiver';
}
