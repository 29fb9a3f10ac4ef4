import { PDU, type Session } from 'smpp';
import type { BindRegistry } from '../binds/bind-registry';

interface Item {
  readonly account: string;
  readonly fields: Record<string, unknown>;
  readonly done: (status: number) => void;
  /** Times sent and answered with a temporary error. */
  tries: number;
}

// deliver_sm_resp statuses that ask for the PDU again later (SMPP 3.4 §5.1.3): ESME_RX_T_APPN,
// ESME_RTHROTTLED, ESME_RMSGQFUL. A real SMSC keeps retrying them for a long time; the simulator
// does for about a minute (200 ms doubling to 5 s), so a busy or restarting ESME loses nothing.
const TEMPORARY = new Set([0x64, 0x58, 0x14]);
const RETRIES = 16;
const retryDelayMs = (tries: number) => Math.min(5_000, 200 * 2 ** Math.max(0, tries - 1));

/**
 * deliver_sm towards the ESME (receipts and MO) go out on a receiver or transceiver bind of
 * their account. Like a real SMSC's store-and-forward, a message waits while no such bind is
 * open, and one whose bind drops before its deliver_sm_resp is sent again on the next bind.
 * A temporary error in the deliver_sm_resp sends it again after a growing pause, for about a minute.
 */
export class Outbox {
  readonly #binds: BindRegistry;
  readonly #beforeWrite: (session: Session) => void;
  readonly #onSent: (fields: Record<string, unknown>) => void;
  #waiting: Item[] = [];
  #inFlight = new Map<Session, Set<Item>>();

  constructor(
    binds: BindRegistry,
    beforeWrite: (session: Session) => void,
    onSent: (fields: Record<string, unknown>) => void,
  ) {
    this.#binds = binds;
    this.#beforeWrite = beforeWrite;
    this.#onSent = onSent;
  }

  /** Sends a deliver_sm; resolves with the ESME's deliver_sm_resp status. */
  deliver(account: string, fields: Record<string, unknown>): Promise<number> {
    return new Promise((resolve) => this.#send({ account, fields, done: resolve, tries: 0 }));
  }

  /** A receiving bind of `account` opened: what waited goes out. */
  flush(account: string): void {
    const ready = this.#waiting.filter((i) => i.account === account);
    this.#waiting = this.#waiting.filter((i) => i.account !== account);
    for (const item of ready) this.#send(item);
  }

  /** A bind closed: its unanswered deliver_sm go out again elsewhere. */
  closed(session: Session): void {
    const items = this.#inFlight.get(session);
    this.#inFlight.delete(session);
    for (const item of items ?? []) this.#send(item);
  }

  /** Messages waiting for a receiving bind. */
  get waiting(): number {
    return this.#waiting.length;
  }

  #send(item: Item): void {
    const bind = this.#binds.nextReceiver(item.account);
    if (bind === undefined || !bind.session.socket.writable) {
      this.#waiting.push(item);
      return;
    }
    const { session } = bind;
    const pending = this.#inFlight.get(session) ?? new Set<Item>();
    this.#inFlight.set(session, pending);
    pending.add(item);
    // A fresh PDU per attempt: the library numbers it, and a retry needs a new sequence number.
    const pdu = new PDU('deliver_sm', { ...item.fields });
    this.#beforeWrite(session);
    session.send(pdu, (resp) => {
      pending.delete(item);
      if (TEMPORARY.has(resp.command_status) && item.tries < RETRIES) {
        item.tries++;
        setTimeout(() => this.#send(item), retryDelayMs(item.tries)).unref();
        return;
      }
      item.done(resp.command_status);
    });
    this.#onSent(item.fields);
  }
}
