import type { Carrier, CarrierReceipt, CarrierState, InboundMessage } from '../carriers/carrier';
import type { CarrierProfile } from '../carriers/profiles/carrier-profile';
import type { CarrierLeaseRepository } from '../storage/dispatch-repository';

export type ConnectCarrier = (profile: CarrierProfile) => Promise<Carrier>;

export interface CarrierPoolOptions {
  profiles: readonly CarrierProfile[];
  leases: CarrierLeaseRepository;
  /** This process, as the lease owner. */
  owner: string;
  connect: ConnectCarrier;
  /** Resolve only once the receipt is committed: the carrier is acknowledged after it. */
  onReceipt: (receipt: CarrierReceipt, carrierId: string) => void | Promise<void>;
  /** Inbound (MO) parts; resolve once stored: the carrier is acknowledged after it. */
  onInbound?: (message: InboundMessage, carrierId: string) => void | Promise<void>;
  /** Lease lifetime; renewed every third of it. Default 15 s. */
  leaseTtlMs?: number;
  now?: () => number;
  log: { info(fields: object, message: string): void; warn(fields: object, message: string): void };
}

export interface PooledCarrierState {
  carrier: string;
  /** Bind slots this process holds of the account's total. */
  slots: { held: number; total: number };
  /** Operator switch: paused carriers take no new submits (receipts still flow). */
  paused: boolean;
  connected: boolean;
  state: CarrierState | null;
}

interface Entry {
  profile: CarrierProfile;
  carrier: Carrier | undefined;
  held: number;
  paused: boolean;
  connecting: Promise<void> | undefined;
}

async function drainThenClose(carrier: Carrier, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline && carrier.state().binds.some((bind) => bind.windowUsed > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await carrier.close();
}

/**
 * The carrier accounts this process may use. Binds belong to the account,
 * not the process: each bind is a slot leased in the database, so several
 * gateway processes together never open more binds than the account allows,
 * and each gets the share of the account's TPS its slots carry. A process
 * without a slot of a carrier does not submit to it (its messages go to
 * processes that have one, or to other routes).
 */
export class CarrierPool {
  readonly #options: CarrierPoolOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #refreshing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: CarrierPoolOptions) {
    this.#options = options;
    this.#ttlMs = options.leaseTtlMs ?? 15_000;
    this.#now = options.now ?? Date.now;
    for (const profile of options.profiles) {
      this.#entries.set(profile.id, { profile, carrier: undefined, held: 0, paused: false, connecting: undefined });
    }
  }

  /** Takes leases and connects; resolves when every carrier with a slot was tried once. */
  async start(): Promise<void> {
    await this.refresh();
    const tick = () => {
      this.#timer = setTimeout(() => {
        void this.refresh().finally(() => {
          if (!this.#closed) tick();
        });
      }, this.#ttlMs / 3);
      this.#timer.unref();
    };
    tick();
  }

  /** Renews leases, connects carriers that gained slots and reconnects those whose share changed. */
  refresh(): Promise<void> {
    this.#refreshing = this.#refreshing.then(async () => {
      await Promise.all([...this.#entries.values()].map((entry) => this.#refreshOne(entry)));
    });
    return this.#refreshing;
  }

  async #refreshOne(entry: Entry): Promise<void> {
    if (this.#closed) return;
    const { profile } = entry;
    let slots: number[];
    try {
      slots = await this.#options.leases.acquire({
        carrier: profile.id,
        owner: this.#options.owner,
        slots: profile.binds,
        want: profile.binds,
        now: this.#now(),
        ttlMs: this.#ttlMs,
      });
    } catch (error) {
      this.#options.log.warn({ err: error, carrier: profile.id }, 'carrier lease renewal failed');
      return;
    }
    // Transmitter + receiver needs a pair; fewer slots than that are useless here.
    const usable = profile.bindMode === 'transmitter_receiver' && slots.length < 2 ? 0 : slots.length;
    if (usable === 0 && slots.length > 0)
      await this.#options.leases.release({ owner: this.#options.owner, carrier: profile.id });
    if (usable === entry.held && (entry.carrier !== undefined || usable === 0)) return;
    const previous = entry.carrier;
    entry.carrier = undefined;
    entry.held = usable;
    // The old binds finish what they have in their window, then close, before the new ones
    // open: closing with submits outstanding would make them `unknown`, and opening first would
    // hold more binds than the account allows for a moment.
    if (previous) await drainThenClose(previous, this.#ttlMs / 3);
    if (usable === 0) return;
    const share: CarrierProfile = { ...profile, binds: usable, tps: (profile.tps * usable) / profile.binds };
    try {
      const carrier = await this.#options.connect(share);
      if (this.#closed || entry.held !== usable) {
        await carrier.close();
        return;
      }
      carrier.onReceipt((receipt) => this.#options.onReceipt(receipt, profile.id));
      const onInbound = this.#options.onInbound;
      if (onInbound) carrier.onInbound((message) => onInbound(message, profile.id));
      entry.carrier = carrier;
      this.#options.log.info({ carrier: profile.id, binds: usable, tps: share.tps }, 'carrier connected');
    } catch (error) {
      // Tried again at the next refresh; until then its routes are unavailable here.
      entry.held = 0;
      this.#options.log.warn({ carrier: profile.id, err: (error as Error).message }, 'carrier connect failed');
    }
  }

  profile(id: string): CarrierProfile | undefined {
    return this.#entries.get(id)?.profile;
  }

  /** The connected carrier, unless paused. */
  carrier(id: string): Carrier | undefined {
    const entry = this.#entries.get(id);
    return entry && !entry.paused ? entry.carrier : undefined;
  }

  /** Connected here, not paused, and some transmit bind is up. */
  isAvailable(id: string): boolean {
    const carrier = this.carrier(id);
    if (!carrier) return false;
    return carrier.state().binds.some((bind) => bind.state === 'bound' && bind.mode !== 'receiver');
  }

  setPaused(id: string, paused: boolean): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    entry.paused = paused;
    return true;
  }

  states(): PooledCarrierState[] {
    return [...this.#entries.values()].map((entry) => ({
      carrier: entry.profile.id,
      slots: { held: entry.held, total: entry.profile.binds },
      paused: entry.paused,
      connected: entry.carrier !== undefined,
      state: entry.carrier?.state() ?? null,
    }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#refreshing.catch(() => undefined);
    await Promise.all([...this.#entries.values()].map((entry) => entry.carrier?.close()));
    await this.#options.leases.release({ owner: this.#options.owner }).catch(() => undefined);
  }
}
