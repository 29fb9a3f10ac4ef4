// The npm `smpp` package (0.5.1) ships no types. This declares only what the connector uses.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  /** A decoded `short_message` / `message_payload`: the library splits off the UDH IEs when UDHI is set. */
  export interface DecodedMessage {
    readonly message: string | Buffer;
    readonly udh?: readonly Buffer[];
  }

  /** Fields are the command's parameters and TLVs by their SMPP names; only those we read are typed. */
  export interface PDU {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    source_addr?: string;
    destination_addr?: string;
    esm_class?: number;
    data_coding?: number;
    short_message?: DecodedMessage | Buffer | string;
    message_payload?: DecodedMessage | Buffer | string;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  export type PduOptions = Record<string, unknown>;

  export class Session extends EventEmitter {
    socket: Socket;
    /** Writes the PDU (numbering requests); false when the socket is not writable. */
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export const PDU: {
    new (command: string, options?: PduOptions): PDU;
  };

  export function connect(
    options: { host: string; port: number; tls?: boolean; rejectUnauthorized?: boolean },
    listener?: () => void,
  ): Session;
}
