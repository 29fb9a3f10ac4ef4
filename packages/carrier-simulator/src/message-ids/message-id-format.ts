/**
 * How an SMSC writes a message id. Carriers differ, and the gateway must match a receipt to
 * its submit whatever they do, so the simulator can write each of these:
 * - `decimal`: `1000042`
 * - `hex`: `f422a` (lower case)
 * - `hex-upper`: `F422A`
 * - an object for the rest: a base, a zero-padded width, upper case.
 */
export type MessageIdStyle =
  | 'decimal'
  | 'hex'
  | 'hex-upper'
  | { readonly base: 10 | 16; readonly width?: number; readonly upperCase?: boolean };

/**
 * One style for both places, or one for the `submit_sm_resp` and another for the receipt (some
 * SMSCs answer in hex and write the same number in decimal in the receipt text).
 */
export type MessageIdFormat = MessageIdStyle | { readonly response: MessageIdStyle; readonly receipt: MessageIdStyle };

/** Writes the message number `n` in `style`. */
export function formatMessageId(n: bigint, style: MessageIdStyle): string {
  if (style === 'decimal') return n.toString(10);
  if (style === 'hex') return n.toString(16);
  if (style === 'hex-upper') return n.toString(16).toUpperCase();
  const digits = n.toString(style.base);
  const cased = style.upperCase ? digits.toUpperCase() : digits;
  return style.width === undefined ? cased : cased.padStart(style.width, '0');
}

/** The styles of the response id and of the receipt id. */
export function messageIdStyles(format: MessageIdFormat): { response: MessageIdStyle; receipt: MessageIdStyle } {
  if (typeof format === 'object' && 'response' in format) return { response: format.response, receipt: format.receipt };
  return { response: format, receipt: format };
}
