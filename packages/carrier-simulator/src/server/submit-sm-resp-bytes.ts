/**
 * A successful submit_sm_resp, encoded directly: the commonest PDU the simulator writes, and
 * building it through the `smpp` package's generic PDU object costs more than the rest of a
 * submit together. Header (length, command_id 0x80000004, status 0, sequence) + message_id.
 */
export function submitSmRespBytes(sequence: number, messageId: string): Buffer {
  const idLength = Buffer.byteLength(messageId, 'latin1');
  const buffer = Buffer.allocUnsafe(16 + idLength + 1);
  buffer.writeUInt32BE(buffer.length, 0);
  buffer.writeUInt32BE(0x80000004, 4);
  buffer.writeUInt32BE(0, 8);
  buffer.writeUInt32BE(sequence, 12);
  buffer.write(messageId, 16, 'latin1');
  buffer[16 + idLength] = 0;
  return buffer;
}
