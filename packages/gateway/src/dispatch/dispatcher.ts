import type { KnownSenderKind } from '@karvon/contract';
import { createId } from '@karvon/contract';
import type { SubmitOutcome } from '../carriers/carrier';
import { planSubmit } from '../carriers/smpp/submit-plan';
import { checkConsent, toOptOutScope } from '../compliance/consent-rules';
import {
  type CircuitBreakers,
  type NumberPortabilityLookup,
  type Route,
  resolveOperator,
  selectRoutes,
} from '../routing';
import { detectSenderKind } from '../senders/registration-rules';
import type { ClaimCursor, ClaimedMessage } from '../storage/dispatch-repository';
import type { MessageTransition, Repository } from '../storage/repository';
import { TtlCache } from '../storage/ttl-cache';
import type { CarrierPool } from './carrier-pool';
import { CarrierSlots } from './carrier-slots';
import { DispatchCounters } from './dispatch-counters';

export interface DispatcherOptions {
  /** Messages being worked on at once by this process. Default 512. */
  maxInFlight?: number;
  /** Messages leased per claim. Default 256. */
  claimBatch?: number;
  /** How long a claim holds a message; must outlast a submit with its retries. Default 120 s. */
  leaseMs?: number;
  /** Wait between claims when the queue was empty. Default 100 ms. */
  idlePollMs?: number;
  /** Attempts (failovers included) before a message that no carrier took fails. Default 6. */
  maxAttempts?: number;
  /** Back-off when no route can take a message now: base × 2^attempt, capped. Defaults 1 s and 60 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * Who accepts a possible duplicate over a possible loss: an ambiguous submit of their
   * messages is sent again instead of ending `unknown`. Default nobody.
   */
  atLeastOnce?: { types?: readonly string[]; accounts?: readonly string[] };
}

export interface DispatcherDeps {
  repository: Repository;
  pool: CarrierPool;
  routes: readonly Route[];
  breakers: CircuitBreakers;
  portability?: NumberPortabilityLookup;
  /** This process, as the lease owner. */
  owner: string;
  now: () => number;
  random?: () => number;
  log: {
    debug(fields: object, message: string): void;
    warn(fields: object, message: string): void;
    error(fields: object, message: string): void;
  };
}

type Settle = Pick<MessageTransition, 'carrier' | 'errorCode' | 'reason'> & { refund?: boolean };

/**
 * Turns queued live messages into submits. Each message goes: claim (a lease)
 * → checks that may have changed since acceptance (validity, opt-out,
 * consent) → route → intent written → submit → the carrier's answer written.
 * Outcomes per the carrier interface: accepted → sent; throttled → back in the
 * queue on the same route; not sent → failover to the next route; rejected →
 * failed or bounced; ambiguous → unknown (never resent by us unless opted in).
 */
export class Dispatcher {
  readonly counters = new DispatchCounters();
  readonly #deps: DispatcherDeps;
  readonly #maxInFlight: number;
  readonly #claimBatch: number;
  readonly #leaseMs: number;
  readonly #idlePollMs: number;
  readonly #maxAttempts: number;
  readonly #retryBaseMs: number;
  readonly #retryMaxMs: number;
  readonly #atLeastOnceTypes: ReadonlySet<string>;
  readonly #atLeastOnceAccounts: ReadonlySet<string>;
  readonly #senderRoutes = new TtlCache<ReadonlySet<string> | null>(5_000);
  readonly #work = new Set<Promise<void>>();
  readonly #slots = new CarrierSlots();
  #cursor: ClaimCursor = {};
  #pumping = false;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #renewal: NodeJS.Timeout | undefined;
  #stopped = true;

  constructor(deps: DispatcherDeps, options: DispatcherOptions = {}) {
    this.#deps = deps;
    this.#maxInFlight = options.maxInFlight ?? 512;
    this.#claimBatch = options.claimBatch ?? 256;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#idlePollMs = options.idlePollMs ?? 100;
    this.#maxAttempts = options.maxAttempts ?? 6;
    this.#retryBaseMs = options.retryBaseMs ?? 1_000;
    this.#retryMaxMs = options.retryMaxMs ?? 60_000;
    this.#atLeastOnceTypes = new Set(options.atLeastOnce?.types ?? []);
    this.#atLeastOnceAccounts = new Set(options.atLeastOnce?.accounts ?? []);
  }

  /** Submits under way on one carrier in this process (intent written, answer not yet). */
  inFlightOn(carrier: string): number {
    return this.#slots.active(carrier);
  }

  start(): void {
    this.#stopped = false;
    // A submit may wait long behind a throttled bind: while this process lives, its leases do.
    this.#renewal = setInterval(() => {
      if (this.#work.size === 0) return;
      void this.#deps.repository.dispatch
        .renew({ owner: this.#deps.owner, leaseUntil: this.#deps.now() + this.#leaseMs })
        .catch((error: unknown) => this.#deps.log.warn({ err: error }, 'dispatch lease renewal failed'));
    }, this.#leaseMs / 3);
    this.#renewal.unref();
    this.wake();
  }

  /** Claims now instead of at the next poll (a message was just accepted). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#pump();
  }

  /** Stops claiming, waits for the messages in hand, and gives unstarted leases back. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#renewal) clearInterval(this.#renewal);
    while (this.#pumping || this.#work.size > 0) {
      await Promise.race([...this.#work, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
    await this.#deps.repository.dispatch.release(this.#deps.owner).catch(() => 0);
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    let claimedAny = false;
    try {
      do {
        this.#again = false;
        const room = this.#maxInFlight - this.#work.size;
        if (room <= 0) break;
        const { messages, cursor } = await this.#deps.repository.dispatch.claim({
          owner: this.#deps.owner,
          now: this.#deps.now(),
          limit: Math.min(this.#claimBatch, room),
          leaseMs: this.#leaseMs,
          cursor: this.#cursor,
        });
        this.#cursor = cursor;
        for (const message of messages) this.#track(this.#dispatch(message));
        claimedAny = messages.length > 0;
        if (messages.length > 0) this.#again = true;
      } while (this.#again && !this.#stopped);
    } catch (error) {
      this.#deps.log.error({ err: error }, 'dispatch claim failed');
    } finally {
      this.#pumping = false;
    }
    if (this.#stopped) return;
    // Full: the next finished message wakes the pump. Empty: poll.
    if (this.#work.size < this.#maxInFlight && !claimedAny) {
      this.#timer = setTimeout(() => this.wake(), this.#idlePollMs);
      this.#timer.unref();
    }
  }

  #track(work: Promise<void>): void {
    const tracked = work
      .catch((error) => this.#deps.log.error({ err: error }, 'dispatch of a message failed'))
      .finally(() => {
        this.#work.delete(tracked);
        if (this.#work.size === this.#maxInFlight - 1 || this.#work.size === 0) this.wake();
      });
    this.#work.add(tracked);
  }

  #atLeastOnce(message: ClaimedMessage): boolean {
    return this.#atLeastOnceTypes.has(message.type) || this.#atLeastOnceAccounts.has(message.accountId);
  }

  async #settle(message: ClaimedMessage, to: string, settle: Settle): Promise<boolean> {
    const now = this.#deps.now();
    const { refund, ...rest } = settle;
    const done = await this.#deps.repository.dispatch.finish({
      owner: this.#deps.owner,
      move: {
        accountId: message.accountId,
        id: message.id,
        from: message.status,
        to,
        at: now,
        ...rest,
        ...(refund ? { refund: { ledgerEntryId: createId('ledgerEntry', { now }) } } : {}),
      },
    });
    if (done) this.counters.settled(to, settle.errorCode);
    return done;
  }

  #requeue(
    message: ClaimedMessage,
    input: { dueAt: number; exclude?: string; countsAsAttempt?: boolean; resetExclusions?: boolean },
  ) {
    return this.#deps.repository.dispatch.requeue({
      id: message.id,
      owner: this.#deps.owner,
      now: this.#deps.now(),
      ...input,
    });
  }

  /**
   * Waiting out an outage is not an attempt (the message waits until its validity runs out), so
   * the back-off doubles from the last wait, read off the row: it was requeued at `updatedAt`
   * to be due at `notBefore`.
   */
  #nextWait(message: ClaimedMessage): number {
    const last = message.notBefore !== null ? message.notBefore - message.updatedAt : 0;
    const next = Math.min(this.#retryMaxMs, Math.max(this.#retryBaseMs, last * 2));
    return Math.round(next * (0.75 + (this.#deps.random ?? Math.random)() / 4));
  }

  #backoff(attempts: number): number {
    const base = Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(base * (0.5 + (this.#deps.random ?? Math.random)() / 2));
  }

  async #dispatch(message: ClaimedMessage): Promise<void> {
    const { repository, pool, breakers } = this.#deps;
    const now = this.#deps.now();
    if (message.interruptedSubmit) {
      // The last holder wrote its intent and no answer: the carrier may have the message.
      this.counters.interrupted++;
      if (this.#atLeastOnce(message)) {
        await this.#requeue(message, { dueAt: now });
        return;
      }
      await this.#settle(message, 'unknown', {
        carrier: message.carrier,
        errorCode: 'dispatch_interrupted',
        reason: 'The gateway stopped between the submit and the carrier’s answer.',
      });
      return;
    }
    if (message.expiresAt !== null && message.expiresAt <= now) {
      await this.#settle(message, 'expired', {
        carrier: null,
        errorCode: 'validity_expired',
        reason: 'The validity period ran out before a carrier took the message.',
        refund: true,
      });
      return;
    }
    // Opt-out and consent may have changed since acceptance (a STOP, a withdrawn consent).
    const type = message.type === 'marketing' ? 'marketing' : 'transactional';
    const [optOut, consent, global] = await Promise.all([
      repository.optOuts.get(message.accountId, message.to),
      type === 'marketing' ? repository.consents.get(message.accountId, message.to) : undefined,
      repository.consentLedger.globallyOptedOut(message.to),
    ]);
    const compliance = checkConsent({
      type,
      optOuts: [
        ...(optOut ? [{ scope: toOptOutScope(optOut.scope) }] : []),
        ...(global ? [{ scope: 'all' as const }] : []),
      ],
      consent: consent && { source: consent.source, grantedAt: consent.consentedAt, proof: consent.proof ?? undefined },
    });
    if (!compliance.ok) {
      await this.#settle(message, 'failed', {
        carrier: null,
        errorCode: compliance.code,
        reason:
          compliance.code === 'opted_out'
            ? 'The recipient opted out after the message was accepted.'
            : 'The recipient’s consent was withdrawn after the message was accepted.',
        refund: true,
      });
      return;
    }

    const operator = await resolveOperator({
      e164: message.to,
      prefixOperator: message.operatorSource === 'portability' ? null : message.operator,
      lookup: this.#deps.portability,
    });
    const senderKind = this.#senderKind(message.from);
    const outbound = {
      id: message.id,
      destination: message.to,
      source: message.from,
      senderKind,
      text: message.body ?? '',
      encoding: 'auto' as const,
      registeredDelivery: true,
      ...(message.expiresAt !== null ? { expiresAt: new Date(message.expiresAt) } : {}),
    };
    const allowed = await this.#senderRoutes.get(`${message.accountId}\0${message.from}`, now, () =>
      this.#allowedCarriers(message),
    );
    const selection = selectRoutes({
      routes: this.#deps.routes,
      message: {
        country: message.country,
        operator: operator.operator,
        type: message.type,
        segments: message.segments,
      },
      allowedCarriers: allowed,
      excluded: new Set(message.excludedCarriers),
      partsOn: (carrierId) => {
        const profile = pool.profile(carrierId);
        return profile ? planSubmit(outbound, profile, () => 0, now).length : Number.POSITIVE_INFINITY;
      },
      isAvailable: (carrierId) => pool.isAvailable(carrierId) && breakers.get(carrierId).wouldAllowRequest(),
      ...(this.#deps.random ? { random: this.#deps.random } : {}),
    });
    const candidate = selection.candidates.find((c) => breakers.get(c.carrier).allowRequest());
    if (candidate === undefined) {
      await this.#noRoute(
        message,
        selection.skipped.map((s) => s.reason),
      );
      return;
    }
    const carrier = pool.carrier(candidate.carrier);
    const profile = pool.profile(candidate.carrier);
    if (carrier === undefined || profile === undefined) {
      await this.#requeue(message, { dueAt: now + this.#backoff(1), countsAsAttempt: false });
      return;
    }
    // Wait for room in the carrier's window before writing the intent (see CarrierSlots).
    const windows = carrier
      .state()
      .binds.filter((bind) => bind.mode !== 'receiver')
      .reduce((sum, bind) => sum + bind.windowSize, 0);
    const release = await this.#slots.acquire(candidate.carrier, windows);
    try {
      const at = this.#deps.now();
      const intent = await repository.dispatch.beginSubmit({
        id: message.id,
        owner: this.#deps.owner,
        carrier: candidate.carrier,
        now: at,
        leaseUntil: at + this.#leaseMs,
        ...(operator.operator !== message.operator || operator.source !== message.operatorSource
          ? { operator: { operator: operator.operator, source: operator.source } }
          : {}),
      });
      if (!intent) {
        // Canceled meanwhile, or the lease went to another process.
        this.#deps.breakers.get(candidate.carrier).releaseProbe();
        return;
      }
      const outcome = await carrier.submit(outbound);
      this.counters.submitted(candidate.carrier, outcome, this.#deps.now() - at);
      await this.#answer(message, candidate.carrier, profile.receiptTimeoutMs, profile.registeredDeliveryOn, outcome);
    } finally {
      release();
    }
  }

  async #answer(
    message: ClaimedMessage,
    carrierId: string,
    receiptTimeoutMs: number,
    registeredDeliveryOn: 'every_part' | 'last_part',
    outcome: SubmitOutcome,
  ): Promise<void> {
    const { repository, breakers } = this.#deps;
    const now = this.#deps.now();
    const breaker = breakers.get(carrierId);
    switch (outcome.kind) {
      case 'accepted': {
        breaker.recordSuccess();
        const ids = outcome.carrierMessageIds;
        await repository.dispatch.recordAccepted({
          id: message.id,
          accountId: message.accountId,
          owner: this.#deps.owner,
          carrier: carrierId,
          carrierMessageIds: ids,
          receiptExpected: ids.map((_, index) => registeredDeliveryOn === 'every_part' || index === ids.length - 1),
          now,
          receiptDeadline: now + receiptTimeoutMs,
        });
        return;
      }
      case 'not_sent': {
        if (outcome.throttled) {
          breaker.releaseProbe();
          // The carrier is up and busy: same route again shortly; not an attempt, not a failure.
          await this.#requeue(message, {
            dueAt: now + 50 + Math.round((this.#deps.random ?? Math.random)() * 200),
            countsAsAttempt: false,
          });
          return;
        }
        if (!outcome.retryable) {
          await this.#settle(message, 'failed', {
            carrier: carrierId,
            errorCode: 'not_sendable',
            reason: outcome.reason,
            refund: true,
          });
          return;
        }
        // Never written: fail over to the next route at once. A carrier whose binds are down is
        // already out of routing until they are back; only a carrier that is up and refusing
        // counts against its breaker.
        if (this.#deps.pool.isAvailable(carrierId)) breaker.recordFailure();
        else breaker.releaseProbe();
        await this.#requeue(message, { dueAt: now, exclude: carrierId });
        return;
      }
      case 'rejected':
        await this.#settle(message, outcome.bounced ? 'bounced' : 'failed', {
          carrier: carrierId,
          errorCode: `smpp_0x${outcome.code.toString(16).padStart(8, '0')}`,
          reason: outcome.reason,
          refund: true,
        });
        return;
      case 'ambiguous':
        // A stalled carrier counts; a dropped bind is a reconnect, not a verdict on the carrier.
        if (this.#deps.pool.isAvailable(carrierId)) breaker.recordFailure();
        else breaker.releaseProbe();
        if (this.#atLeastOnce(message)) {
          await this.#requeue(message, { dueAt: now });
          return;
        }
        await this.#settle(message, 'unknown', {
          carrier: carrierId,
          errorCode: 'submit_ambiguous',
          reason: outcome.reason,
        });
        return;
    }
  }

  /** No carrier can take it now: wait and retry (all down, all tried) or fail (nothing routes it). */
  async #noRoute(message: ClaimedMessage, reasons: readonly string[]): Promise<void> {
    const now = this.#deps.now();
    const transient = reasons.some((r) => r === 'unavailable' || r === 'excluded');
    if (!transient) {
      await this.#settle(message, 'failed', {
        carrier: null,
        errorCode: reasons.includes('more_parts') ? 'route_more_parts' : 'no_route',
        reason: reasons.includes('more_parts')
          ? 'Every route would split the message into more parts than were quoted.'
          : reasons.includes('sender_not_registered')
            ? 'The sender is not registered on any route to this destination.'
            : 'No route serves this destination.',
        refund: true,
      });
      return;
    }
    if (message.attempts >= this.#maxAttempts) {
      await this.#settle(message, 'failed', {
        carrier: message.carrier,
        errorCode: 'carrier_unavailable',
        reason: `No carrier took the message after ${message.attempts} attempts.`,
        refund: true,
      });
      return;
    }
    this.counters.waitingForRoute++;
    await this.#requeue(message, {
      dueAt: now + this.#nextWait(message),
      countsAsAttempt: false,
      resetExclusions: true,
    });
  }

  #senderKind(from: string): KnownSenderKind {
    const detected = detectSenderKind(from);
    return detected.ok ? (detected.kind as KnownSenderKind) : 'alphanumeric';
  }

  /** Carriers the sender is registered on for the destination's country; null when not restricted. */
  async #allowedCarriers(message: ClaimedMessage): Promise<ReadonlySet<string> | null> {
    const registrations = (await this.#deps.repository.senders.findBySender(message.accountId, message.from)).filter(
      (r) => r.status === 'approved' && (r.country === null || r.country === message.country),
    );
    if (registrations.length === 0 || registrations.some((r) => r.route === null)) return null;
    return new Set(registrations.map((r) => r.route as string));
  }
}
