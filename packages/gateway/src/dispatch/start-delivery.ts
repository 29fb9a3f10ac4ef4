import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CarrierReceipt } from '../carriers/carrier';
import type { CarrierConfig } from '../carriers/profiles/load-carrier-profiles';
import { createPduTraceBuffer, type PduTraceBuffer } from '../carriers/smpp/pdu-trace-buffer';
import { connectSmppCarrier } from '../carriers/smpp/smpp-connector';
import { handleInbound, type InboundSettings } from '../inbound/handle-inbound';
import { type IntervalJob, startIntervalJob } from '../jobs/interval-job';
import { CircuitBreakers, cachedPortabilityLookup, type NumberPortabilityLookup } from '../routing';
import type { Repository } from '../storage/repository';
import { CarrierPool, type ConnectCarrier } from './carrier-pool';
import { Dispatcher, type DispatcherOptions } from './dispatcher';

export interface DeliveryOptions {
  /** Carrier profiles and routes (the carriers file). */
  config: CarrierConfig;
  /** How a profile becomes a connected carrier; default the SMPP connector. */
  connect?: ConnectCarrier;
  /** A number-portability source; cached here (1 day, answers and misses alike). */
  portability?: NumberPortabilityLookup;
  dispatcher?: DispatcherOptions;
  circuitBreaker?: { failureThreshold?: number; cooldownMs?: number };
  /** Bind lease lifetime. Default 15 s. */
  leaseTtlMs?: number;
  inbound?: InboundSettings;
  /** Scheduled promotion, held-receipt matching and receipt timeouts run this often. Default 1 s. */
  housekeepingMs?: number;
}

export interface Delivery {
  readonly owner: string;
  readonly dispatcher: Dispatcher;
  readonly pool: CarrierPool;
  readonly breakers: CircuitBreakers;
  /** The last PDUs of this process's binds, masked (operators read it). */
  readonly trace: PduTraceBuffer;
  /** Runs the housekeeping job once now (tests). */
  housekeep(): Promise<void>;
  close(): Promise<void>;
}

type Log = {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
};

/**
 * Starts everything that moves live messages: the carrier binds this process
 * holds, the dispatcher, the receipt sink and the housekeeping job. Every
 * part keeps its state in the database, so any number of gateway processes
 * on one PostgreSQL can run it side by side.
 */
export async function startDelivery(input: {
  repository: Repository;
  now: () => number;
  log: Log;
  options: DeliveryOptions;
}): Promise<Delivery> {
  const { repository, now, log, options } = input;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const breakers = new CircuitBreakers({ ...options.circuitBreaker, now });
  const trace = createPduTraceBuffer(2_000);

  const onReceipt = async (receipt: CarrierReceipt, carrier: string) => {
    // Resolves only once committed: the connector sends deliver_sm_resp after this. A failure
    // answers with a temporary error, so the carrier sends the receipt again.
    const result = await repository.receipts
      .apply({
        id: randomUUID(),
        carrier,
        carrierMessageId: receipt.carrierMessageId,
        state: receipt.state,
        status: receipt.status,
        errorCode: receipt.errorCode,
        receivedAt: now(),
        submittedAt: receipt.submittedAt?.getTime() ?? null,
        doneAt: receipt.doneAt?.getTime() ?? null,
      })
      .catch((error: unknown) => {
        log.warn(
          { err: error, carrier, carrierMessageId: receipt.carrierMessageId },
          'receipt not recorded; asked again',
        );
        throw error;
      });
    log.debug(
      { bind: receipt.bindId, carrierMessageId: receipt.carrierMessageId, state: receipt.state, ...result },
      'receipt',
    );
  };

  const pool: CarrierPool = new CarrierPool({
    profiles: options.config.carriers,
    leases: repository.carrierLeases,
    owner,
    // A carrier that does not answer must not hold up the lease renewals of the others.
    connect:
      options.connect ??
      ((profile) =>
        connectSmppCarrier(profile, {
          startTimeoutMs: Math.min(10_000, (options.leaseTtlMs ?? 15_000) / 3),
          trace: trace.sink,
        })),
    onReceipt,
    onInbound: (message, carrierId): Promise<void> =>
      handleInbound({
        repository,
        carrierId,
        carrier: pool.carrier(carrierId),
        message,
        now: now(),
        ...(options.inbound ? { settings: options.inbound } : {}),
        log,
      }),
    ...(options.leaseTtlMs !== undefined ? { leaseTtlMs: options.leaseTtlMs } : {}),
    now,
    log,
  });
  await pool.start();

  const dispatcher = new Dispatcher(
    {
      repository,
      pool,
      routes: options.config.routes,
      breakers,
      ...(options.portability
        ? { portability: cachedPortabilityLookup(options.portability, { ttlMs: 86_400_000, maxEntries: 100_000 }) }
        : {}),
      owner,
      now,
      log,
    },
    options.dispatcher,
  );
  dispatcher.start();

  const heldWindowMs = Math.max(...options.config.carriers.map((carrier) => carrier.heldReceiptWindowMs));
  const housekeeping = async () => {
    const at = now();
    const promoted = await repository.dispatch.promoteScheduled({ now: at, limit: 1_000 });
    if (promoted > 0) dispatcher.wake();
    const held = await repository.receipts.matchHeld({ now: at, unmatchedBefore: at - heldWindowMs, limit: 1_000 });
    if (held.unmatched > 0) log.warn({ unmatched: held.unmatched }, 'receipts matched no message');
    await repository.receipts.expireWaiting({ now: at, limit: 1_000 });
  };
  const job: IntervalJob = startIntervalJob({
    intervalMs: options.housekeepingMs ?? 1_000,
    run: housekeeping,
    onError: (error) => log.error({ err: error, job: 'delivery' }, 'background job failed'),
  });

  let closing: Promise<void> | undefined;
  return {
    owner,
    dispatcher,
    pool,
    breakers,
    trace,
    housekeep: () => job.runOnce(),
    close: () => {
      closing ??= (async () => {
        await job.stop();
        await dispatcher.stop();
        await pool.close();
      })();
      return closing;
    },
  };
}
