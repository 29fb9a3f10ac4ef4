import type { CarrierConfig } from '../carriers/profiles/load-carrier-profiles';
import { parseCarrierConfig } from '../carriers/profiles/load-carrier-profiles';

// The demo credentials of the development simulator: it only listens on loopback.
const ACCOUNT = { systemId: 'karvon', password: 'karvon' };

/**
 * `start --with-simulator`: the carrier simulator in this process, and a
 * carriers file pointing at it, so a new user sees a live message go out over
 * SMPP and come back delivered. The simulator is a development dependency: a
 * production install has no use for it and points KARVON_CARRIERS_FILE at
 * real carriers instead.
 */
export async function startDevelopmentSimulator(
  host: string,
  port: number,
): Promise<{ simulator: { url: string; close(): Promise<void> }; config: CarrierConfig }> {
  let module: typeof import('@karvon/carrier-simulator');
  try {
    module = await import('@karvon/carrier-simulator');
  } catch {
    throw new Error('@karvon/carrier-simulator is not installed (it ships with the repository, not with npm installs)');
  }
  const options = {
    host,
    accounts: [{ ...ACCOUNT, receiptDelayMs: 500, receiptTimeZone: 'Asia/Tashkent' }],
    // A short `delayed` outcome, so a demo does not wait 30 seconds.
    outcomeDelays: { delayed: 5_000, expired: 5_000 },
  };
  // The usual SMPP port when it is free, any port otherwise (a second checkout running).
  const simulator = await module
    .startCarrierSimulator({ ...options, port })
    .catch(() => module.startCarrierSimulator({ ...options, port: 0 }));
  const config = parseCarrierConfig({
    carriers: [
      {
        id: 'simulator',
        host: simulator.host,
        port: simulator.port,
        ...ACCOUNT,
        tps: 500,
        windowSize: 50,
        receiptTimeZone: 'Asia/Tashkent',
      },
    ],
  });
  return { simulator, config };
}
