// The npm `smpp` package (0.5.1) ships no types. One declaration of what the carrier simulator
// (server side) and the gateway's SMPP connector (client side) use; both tsconfigs include it.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A decoded `short_message` / `message_payload`: the library splits off the UDH IEs when UDHI is set. */
  export interface DecodedMessage {
    readonly message: string | Buffer;
    readonly udh?: readonly Buffer[];
  }

  /** Fields are the command's parameters and TLVs by their SMPP names; only the common ones are typed. */
  export interface PDU {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    system_type?: string;
    source_addr?: string;
    destination_addr?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number;
    short_message?: DecodedMessage | Buffer | string;
    message_payload?: DecodedMessage | Buffer | string;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    network_error_code?: Buffer;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
    toBuffer(): Buffer;
  }

  export type PduOptions = Record<string, unknown>;
  export type ResponseCallback = (pdu: PDU) => void;

  export class Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver(options: PduOptions, callback?: ResponseCallback): boolean;
    bind_transmitter(options: PduOptions, callback?: ResponseCallback): boolean;
    bind_receiver(options: PduOptions, callback?: ResponseCallback): boolean;
    submit_sm(options: PduOptions, callback?: ResponseCallback): boolean;
    deliver_sm(options: PduOptions, callback?: ResponseCallback): boolean;
    enquire_link(options?: PduOptions | ResponseCallback, callback?: ResponseCallback): boolean;
    unbind(options?: PduOptions | ResponseCallback, callback?: ResponseCallback): boolean;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export const PDU: {
    new (command: string, options?: PduOptions): PDU;
  };

  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
  export function connect(
    options: { host: string; port: number; tls?: boolean; rejectUnauthorized?: boolean },
    listener?: () => void,
  ): Session;

  export const errors: Readonly<Record<string, number>>;
}
