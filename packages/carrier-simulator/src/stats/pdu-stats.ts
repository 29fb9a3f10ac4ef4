import { createHash } from 'node:crypto';

/** One distinct (source, destination, short_message) received in submit_sm, and how often. */
export interface SubmitCount {
  readonly source: string;
  readonly destination: string;
  /** SHA-256 (first 16 hex digits) of the data coding, UDH and decoded text. */
  readonly hash: string;
  readonly count: number;
}

/** What `sim.stats()` returns: a snapshot. */
export interface SimulatorStats {
  /** PDUs received, by command name (`submit_sm`, `enquire_link`, `deliver_sm_resp`, …). */
  readonly received: Readonly<Record<string, number>>;
  /** PDUs sent, by command name. */
  readonly sent: Readonly<Record<string, number>>;
  readonly submits: {
    readonly total: number;
    /** Distinct (source, destination, short_message) triples. */
    readonly distinct: number;
    /** total − distinct: every submit_sm that repeated an earlier one. */
    readonly duplicates: number;
    /** The triples seen more than once. */
    readonly repeated: readonly SubmitCount[];
  };
  /** Receipts sent (deliver_sm with the receipt bit), intermediate ones included. */
  readonly receiptsSent: number;
  /** MO messages sent (deliver_sm without the receipt bit), counted per part. */
  readonly moSent: number;
  /** Binds open now, by account. */
  readonly binds: Readonly<Record<string, number>>;
}

/** Counts PDUs by command and submits by content, so tests can count duplicates. */
export class PduStats {
  #received = new Map<string, number>();
  #sent = new Map<string, number>();
  #submits = new Map<string, { source: string; destination: string; hash: string; count: number }>();
  #total = 0;
  receiptsSent = 0;
  moSent = 0;

  received(command: string): void {
    this.#received.set(command, (this.#received.get(command) ?? 0) + 1);
  }

  sent(command: string): void {
    this.#sent.set(command, (this.#sent.get(command) ?? 0) + 1);
  }

  /** Counts a submit_sm; returns how many times this triple has now been seen. */
  submit(source: string, destination: string, content: string): number {
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    const key = `${source}\u0000${destination}\u0000${hash}`;
    const entry = this.#submits.get(key) ?? { source, destination, hash, count: 0 };
    entry.count += 1;
    this.#submits.set(key, entry);
    this.#total += 1;
    return entry.count;
  }

  reset(): void {
    this.#received.clear();
    this.#sent.clear();
    this.#submits.clear();
    this.#total = 0;
    this.receiptsSent = 0;
    this.moSent = 0;
  }

  snapshot(binds: Readonly<Record<string, number>>): SimulatorStats {
    const repeated = [...this.#submits.values()].filter((s) => s.count > 1).map((s) => ({ ...s }));
    return {
      received: Object.fromEntries(this.#received),
      sent: Object.fromEntries(this.#sent),
      submits: {
        total: this.#total,
        distinct: this.#submits.size,
        duplicates: this.#total - this.#submits.size,
        repeated,
      },
      receiptsSent: this.receiptsSent,
      moSent: this.moSent,
      binds,
    };
  }
}
