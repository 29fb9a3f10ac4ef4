import { connect, PDU, type PduOptions, type Session } from 'smpp';
import type { BindState, BindStatus } from '../../carrier';
import type { CarrierProfile } from '../../profiles/carrier-profile';
import type { PduTraceHook } from '../pdu-trace';
import { AimdRate } from './aimd-rate';
import { backoffDelay } from './backoff';
import { TokenBucket } from './token-bucket';

/** How one submit_sm on a bind ended. */
export type PduResult =
  | { readonly kind: 'unwritten'; readonly reason: string }
  | { readonly kind: 'response'; readonly pdu: PDU }
  | { readonly kind: 'lost'; readonly reason: string };

export interface SmppBindOptions {
  readonly id: string;
  readonly mode: BindStatus['mode'];
  readonly profile: CarrierProfile;
  /** Shared by the account's binds: the TPS cap. */
  readonly accountBucket: TokenBucket;
  readonly random: () => number;
  readonly now: () => number;
  /** Handles a deliver_sm; resolves to the command_status of the deliver_sm_resp. */
  readonly onDeliver: (pdu: PDU, bindId: string) => Promise<number>;
  readonly onWrite: () => void;
  /** Sees every PDU written or read on this bind; absent, nothing is done per PDU. */
  readonly onPdu?: PduTraceHook;
}

interface Pending {
  readonly resolve: (result: PduResult) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  /** Holds a window slot (submits do, binds and enquire_links do not). */
  readonly windowed: boolean;
}

/**
 * One SMPP session of a carrier account that stays bound: reconnects with jittered backoff,
 * keeps at most `windowSize` submit_sm unanswered, times out each request (its own table of
 * pending responses, so nothing is left behind in the `smpp` package), probes an idle link
 * with enquire_link and paces submits by the account's bucket and its own AIMD rate.
 */
export class SmppBind {
  readonly id: string;
  readonly mode: BindStatus['mode'];
  readonly aimd: AimdRate;
  #state: BindState = 'connecting';
  #session: Session | null = null;
  #pending = new Map<number, Pending>();
  #windowUsed = 0;
  #slotWaiters: ((ok: boolean) => void)[] = [];
  #boundWaiters: (() => void)[] = [];
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setInterval> | undefined;
  #lastActivity = 0;
  readonly #o: SmppBindOptions;

  constructor(options: SmppBindOptions) {
    this.#o = options;
    this.id = options.id;
    this.mode = options.mode;
    const ceiling = options.profile.tps;
    // Back to full speed within about fifty accepted submits after a halving.
    const step = Math.max(1, ceiling / 50);
    this.aimd = new AimdRate(
      new TokenBucket(ceiling, options.now),
      ceiling,
      Math.min(1, ceiling),
      step,
      250,
      options.now,
    );
    this.#connect();
  }

  get state(): BindState {
    return this.#state;
  }

  get canTransmit(): boolean {
    return this.mode !== 'receiver';
  }

  get freeSlots(): number {
    return this.#o.profile.windowSize - this.#windowUsed;
  }

  status(): BindStatus {
    return {
      id: this.id,
      mode: this.mode,
      state: this.#state,
      windowUsed: this.#windowUsed,
      windowSize: this.#o.profile.windowSize,
      rate: this.aimd.bucket.rate,
    };
  }

  /** Resolves once bound (at once if bound now). */
  bound(): Promise<void> {
    return this.#state === 'bound' ? Promise.resolve() : new Promise((resolve) => this.#boundWaiters.push(resolve));
  }

  /** Sends one submit_sm in the window, paced; never throws. */
  async submit(options: PduOptions): Promise<PduResult> {
    const session = this.#session;
    if (this.#state !== 'bound' || session === null) return { kind: 'unwritten', reason: 'bind not bound' };
    if (!(await this.#takeSlot())) return { kind: 'unwritten', reason: 'bind dropped before the submit was written' };
    const wait = Math.max(this.#o.accountBucket.reserve(), this.aimd.bucket.reserve());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.#session !== session || this.#state !== 'bound') {
      this.#releaseSlot();
      return { kind: 'unwritten', reason: 'bind dropped before the submit was written' };
    }
    this.#o.onWrite();
    return this.#request(session, new PDU('submit_sm', options), true);
  }

  /** Unbinds politely (waiting at most the response timeout), then closes for good. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    const session = this.#session;
    const wasBound = this.#state === 'bound';
    this.#state = 'closed';
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#idleTimer);
    if (session !== null && wasBound) await this.#request(session, new PDU('unbind', {}), false);
    this.#failAll('connector closed');
    if (session !== null) await new Promise<void>((resolve) => session.destroy(() => resolve()));
    this.#session = null;
  }

  #connect(): void {
    if (this.#state === 'closed') return;
    const { profile } = this.#o;
    const session = connect({ host: profile.host, port: profile.port, ...(profile.tls ? { tls: true } : {}) });
    this.#session = session;
    session.on('error', () => {
      // Followed by 'close', which reconnects; the error itself carries nothing we act on.
    });
    session.on('close', () => this.#dropped(session));
    session.on('pdu', (pdu: PDU) => this.#received(session, pdu));
    session.once(profile.tls ? 'secureConnect' : 'connect', () => void this.#bind(session));
  }

  async #bind(session: Session): Promise<void> {
    const { profile } = this.#o;
    const result = await this.#request(
      session,
      new PDU(`bind_${this.mode}`, {
        system_id: profile.systemId,
        password: profile.password,
        system_type: profile.systemType,
        interface_version: 0x34,
      }),
      false,
    );
    if (this.#session !== session || this.#state === 'closed') return;
    if (result.kind !== 'response' || result.pdu.command_status !== 0) {
      session.destroy();
      return;
    }
    this.#state = 'bound';
    this.#attempt = 0;
    this.#lastActivity = this.#o.now();
    this.#idleTimer = setInterval(() => this.#probe(session), Math.max(1, Math.floor(profile.enquireLinkMs / 2)));
    for (const resolve of this.#boundWaiters.splice(0)) resolve();
  }

  #probe(session: Session): void {
    if (this.#session !== session || this.#state !== 'bound') return;
    if (this.#o.now() - this.#lastActivity < this.#o.profile.enquireLinkMs) return;
    this.#lastActivity = this.#o.now();
    void this.#request(session, new PDU('enquire_link', {}), false).then((result) => {
      // No answer to a keep-alive: the link is dead even if TCP has not noticed.
      if (result.kind !== 'response' && this.#session === session) session.destroy();
    });
  }

  #received(session: Session, pdu: PDU): void {
    this.#o.onPdu?.('in', pdu, this.id);
    if (this.#session !== session) return;
    this.#lastActivity = this.#o.now();
    if (pdu.isResponse()) {
      const pending = this.#pending.get(pdu.sequence_number);
      if (pending === undefined) return;
      this.#settle(pdu.sequence_number, pending, { kind: 'response', pdu });
      return;
    }
    switch (pdu.command) {
      case 'enquire_link':
        this.#send(session, pdu.response());
        return;
      case 'unbind':
        this.#send(session, pdu.response());
        session.close();
        return;
      case 'deliver_sm':
        void this.#o.onDeliver(pdu, this.id).then((status) => {
          if (this.#session === session) this.#send(session, pdu.response({ command_status: status }));
        });
        return;
      default:
        // Anything else we do not serve: generic_nack with ESME_RINVCMDID.
        this.#send(session, new PDU('generic_nack', { sequence_number: pdu.sequence_number, command_status: 0x03 }));
    }
  }

  #request(session: Session, pdu: PDU, windowed: boolean): Promise<PduResult> {
    if (!this.#send(session, pdu)) {
      if (windowed) this.#releaseSlot();
      return Promise.resolve({ kind: 'unwritten', reason: 'socket not writable' });
    }
    return new Promise((resolve) => {
      const sequence = pdu.sequence_number;
      const timer = setTimeout(() => {
        const pending = this.#pending.get(sequence);
        if (pending !== undefined) this.#settle(sequence, pending, { kind: 'lost', reason: 'response timed out' });
      }, this.#o.profile.responseTimeoutMs);
      this.#pending.set(sequence, { resolve, timer, windowed });
    });
  }

  // Every write goes through here, so the trace sees it with the sequence number `send` assigned.
  #send(session: Session, pdu: PDU): boolean {
    const written = session.send(pdu);
    if (written) this.#o.onPdu?.('out', pdu, this.id);
    return written;
  }

  #settle(sequence: number, pending: Pending, result: PduResult): void {
    clearTimeout(pending.timer);
    this.#pending.delete(sequence);
    if (pending.windowed) this.#releaseSlot();
    pending.resolve(result);
  }

  #takeSlot(): Promise<boolean> {
    if (this.#windowUsed < this.#o.profile.windowSize) {
      this.#windowUsed += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.#slotWaiters.push(resolve));
  }

  #releaseSlot(): void {
    const next = this.#slotWaiters.shift();
    // The slot passes straight to the next waiter, so the count stays.
    if (next !== undefined) next(true);
    else this.#windowUsed -= 1;
  }

  #failAll(reason: string): void {
    // Waiters first, so a slot freed below is not handed to a submit that would write nowhere.
    for (const waiter of this.#slotWaiters.splice(0)) waiter(false);
    for (const [sequence, pending] of this.#pending) this.#settle(sequence, pending, { kind: 'lost', reason });
    this.#windowUsed = 0;
  }

  #dropped(session: Session): void {
    if (this.#session !== session) return;
    clearInterval(this.#idleTimer);
    this.#failAll('bind dropped');
    this.#session = null;
    if (this.#state === 'closed') return;
    this.#state = 'reconnecting';
    const { initialMs, maxMs } = this.#o.profile.reconnect;
    const delay = backoffDelay(this.#attempt++, initialMs, maxMs, this.#o.random);
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }
}
