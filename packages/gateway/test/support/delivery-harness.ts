import { type CarrierSimulator, type MessageIdFormat, startCarrierSimulator } from '@karvon/carrier-simulator';
import type { CarrierProfileInput } from '../../src/carriers/profiles/carrier-profile';
import { parseCarrierConfig } from '../../src/carriers/profiles/load-carrier-profiles';
import type { DeliveryOptions } from '../../src/dispatch/start-delivery';
import type { GatewayOptions } from '../../src/index';
import type { RouteInput } from '../../src/routing';
import { type Backend, startTestGateway, type TestGateway } from './start-test-gateway';

export interface SimulatedCarrier {
  id: string;
  sim: CarrierSimulator;
  profile: CarrierProfileInput;
}

/** A carrier simulator and the profile that points a gateway at it. */
export async function startSimulatedCarrier(
  id: string,
  input: {
    messageIdFormat?: MessageIdFormat;
    receiptsFor?: 'every-part' | 'last-part';
    receiptDelayMs?: number;
    profile?: Partial<CarrierProfileInput>;
  } = {},
): Promise<SimulatedCarrier> {
  const sim = await startCarrierSimulator({
    accounts: [
      {
        systemId: id,
        password: 'secret',
        maxBinds: 8,
        messageIdFormat: input.messageIdFormat ?? 'decimal',
        receiptsFor: input.receiptsFor ?? 'every-part',
        receiptDelayMs: input.receiptDelayMs ?? 0,
      },
    ],
    outcomeDelays: { delayed: 200, expired: 200 },
  });
  const profile: CarrierProfileInput = {
    id,
    host: sim.host,
    port: sim.port,
    systemId: id,
    password: 'secret',
    tps: 2_000,
    windowSize: 20,
    // Not 1 s: under CI's parallel load a busy process can miss a 1 s response deadline, and an
    // ambiguous submit rightly ends `unknown` instead of delivered. The stall test sets its own.
    responseTimeoutMs: 5_000,
    reconnect: { initialMs: 50, maxMs: 200 },
    ...input.profile,
  };
  return { id, sim, profile };
}

export interface DeliveryHarness extends TestGateway {
  carriers: SimulatedCarrier[];
  /** Polls the message until `done(status)` (default: a final status), or fails after `timeoutMs`. */
  waitForStatus(accountId: string, id: string, done?: (status: string) => boolean, timeoutMs?: number): Promise<string>;
}

export const FINAL = new Set(['delivered', 'failed', 'bounced', 'expired', 'canceled', 'unknown']);

/** A real gateway with delivery over real SMPP sessions to simulators. */
export async function startDeliveryHarness(
  backend: Backend,
  carriers: SimulatedCarrier[],
  options: { routes?: RouteInput[]; delivery?: Partial<DeliveryOptions>; gateway?: Partial<GatewayOptions> } = {},
): Promise<DeliveryHarness> {
  const config = parseCarrierConfig({
    carriers: carriers.map((c) => c.profile),
    ...(options.routes ? { routes: options.routes } : {}),
  });
  const tg = await startTestGateway(backend, {
    gateway: {
      ...options.gateway,
      delivery: {
        config,
        housekeepingMs: 50,
        leaseTtlMs: 3_000,
        dispatcher: { idlePollMs: 20, retryBaseMs: 50, retryMaxMs: 500, leaseMs: 5_000 },
        circuitBreaker: { failureThreshold: 3, cooldownMs: 60_000 },
        ...options.delivery,
      },
    },
  });
  return {
    ...tg,
    carriers,
    async waitForStatus(accountId, id, done = (s) => FINAL.has(s), timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let status = '';
      while (Date.now() < deadline) {
        status = (await tg.repository.messages.get(accountId, id))?.status ?? 'missing';
        if (done(status)) return status;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`message ${id} still ${status} after ${timeoutMs} ms`);
    },
    async close() {
      await tg.close();
      await Promise.all(carriers.map((c) => c.sim.close()));
    },
  };
}
