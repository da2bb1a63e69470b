// smpp 0.5 (node-smpp) ships no type declarations: what the SMS transport and its test use of it.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** One protocol data unit: its header, and its parameters and TLVs by their SMPP names. */
  export class PDU {
    /** A new PDU of a command with its parameters, or the PDU a buffer holds (as read from the socket). */
    constructor(command: string | Buffer, options?: Record<string, unknown>);
    command: string;
    command_status: number;
    sequence_number: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
    toBuffer(): Buffer;
    [parameter: string]: unknown;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    /** Writes a PDU; false when the socket is not writable. A request's response is given to `onResponse`. */
    send(pdu: PDU, onResponse?: (response: PDU) => void, onSent?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    [command: string]: unknown;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { host: string; port: number; tls?: boolean }): Session;
  export function createServer(listener: (session: Session) => void): Server;
  export const errors: Record<string, number>;

  const smpp: {
    PDU: typeof PDU;
    Session: typeof Session;
    connect: typeof connect;
    createServer: typeof createServer;
    errors: typeof errors;
  };
  export default smpp;
}
