/** Fill bits that bring GSM-7 text after a UDH of `udhBytes` to a septet boundary (TS 23.040 §9.2.3.24). */
export function fillBits(udhBytes: number): number {
  return (7 - ((udhBytes * 8) % 7)) % 7;
}

/** Packs septets LSB first, 8 septets in 7 octets, after `fill` zero bits (TS 23.038 §6.1.2.1.1). */
export function packSeptets(septets: Uint8Array, fill: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((fill + septets.length * 7) / 8));
  let bit = fill;
  for (const septet of septets) {
    const byte = bit >> 3;
    const shift = bit & 7;
    out[byte]! |= (septet << shift) & 0xff;
    if (shift > 1) out[byte + 1]! |= septet >> (8 - shift);
    bit += 7;
  }
  return out;
}

/** Reads `count` septets packed after `fill` bits. */
export function unpackSeptets(bytes: Uint8Array, fill: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  let bit = fill;
  for (let k = 0; k < count; k++) {
    const byte = bit >> 3;
    const shift = bit & 7;
    let value = bytes[byte]! >> shift;
    if (shift > 1) value |= (bytes[byte + 1] ?? 0) << (8 - shift);
    out[k] = value & 0x7f;
    bit += 7;
  }
  return out;
}
