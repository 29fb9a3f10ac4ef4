/** How a carrier writes a message id: a decimal number, a hex number, or an opaque token. */
export type MessageIdStyle = 'decimal' | 'hex' | 'opaque';

/**
 * One comparable form of a carrier message id, so a receipt that writes `1000042` matches a
 * response that wrote `F424A` or `000f424a`. Numbers (decimal or hex, per the profile) become
 * their decimal value without leading zeros; an opaque id, or one that does not parse in its
 * stated style, is trimmed and lower-cased.
 */
export function normaliseMessageId(id: string, style: MessageIdStyle): string {
  const trimmed = id.trim();
  if (style === 'decimal' && /^[0-9]+$/.test(trimmed)) return BigInt(trimmed).toString(10);
  if (style === 'hex' && /^(0x)?[0-9a-f]+$/i.test(trimmed)) {
    return BigInt(`0x${trimmed.replace(/^0x/i, '')}`).toString(10);
  }
  return trimmed.toLowerCase();
}
