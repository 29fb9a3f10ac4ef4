// The real gateway, as built (dist/), delivering over SMPP: the child process
// of carriers.bench.mjs. It starts as `karvon-gateway start` does with
// KARVON_CARRIERS_FILE set (same createGateway, same loadCarrierConfig, the
// CLI's lease defaults) but on 127.0.0.1:0, prints no banner and speaks the
// bench line protocol (announce-listening.mjs). On exit it prints the
// dispatcher's counters and the binds it held, so the parent can tell where
// the messages went without reading logs. Webhooks are sent by the gateway's
// own sender (its defaults, or KARVON_WEBHOOK_* overrides) to loopback.
import { createGateway, loadCarrierConfig } from '../../dist/index.js';
import { LISTENING_PREFIX, STATS_PREFIX } from '../lib/announce-listening.mjs';

const env = process.env;
const integer = (name, fallback) => (env[name] ? Number(env[name]) : fallback);

if (!env.KARVON_CARRIERS_FILE) throw new Error('KARVON_CARRIERS_FILE is required');

const gateway = await createGateway({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.KARVON_DATA_DIR ?? './data',
  host: '127.0.0.1',
  port: 0,
  // The CLI's default level; request logging is off in the gateway.
  logLevel: env.KARVON_LOG_LEVEL ?? 'info',
  rateLimit: {
    perSecond: integer('KARVON_RATE_LIMIT_PER_SECOND', 200),
    burst: integer('KARVON_RATE_LIMIT_BURST', 400),
  },
  // The benchmark's webhook receiver listens on loopback over http.
  allowPrivateWebhookUrls: true,
  // The sender's defaults unless the run overrides them (the CLI passes none).
  webhooks: {
    ...(env.KARVON_WEBHOOK_CONCURRENCY ? { concurrency: integer('KARVON_WEBHOOK_CONCURRENCY') } : {}),
    ...(env.KARVON_WEBHOOK_PER_ENDPOINT ? { perEndpoint: integer('KARVON_WEBHOOK_PER_ENDPOINT') } : {}),
    ...(env.KARVON_WEBHOOK_POLL_MS ? { pollMs: integer('KARVON_WEBHOOK_POLL_MS') } : {}),
  },
  delivery: {
    config: await loadCarrierConfig(env.KARVON_CARRIERS_FILE),
    // The CLI's defaults (config/env.ts), passed as the CLI passes them.
    leaseTtlMs: integer('KARVON_CARRIER_LEASE_TTL_MS', 15_000),
    dispatcher: { leaseMs: integer('KARVON_DISPATCH_LEASE_MS', 120_000) },
  },
});

/** What this process did: submits by outcome, settlements, and the bind slots it held at the end. */
function deliveryStats() {
  const { delivery } = gateway;
  if (!delivery) return undefined;
  return {
    owner: delivery.owner,
    dispatch: delivery.dispatcher.counters.snapshot(),
    slots: delivery.pool.states().map((state) => ({ carrier: state.carrier, ...state.slots })),
  };
}

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  // Read before close(): closing releases the slots.
  const stats = deliveryStats();
  // close() stops accepting, drains in-flight requests, lets the dispatcher
  // finish the messages in hand and closes the database.
  const forced = setTimeout(() => process.exit(1), 8_000);
  try {
    await gateway.close();
  } finally {
    clearTimeout(forced);
    process.stdout.write(`${STATS_PREFIX}${JSON.stringify(stats)}\n`);
    process.exit(0);
  }
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();

const address = gateway.app.server.address();
process.stdout.write(`${LISTENING_PREFIX}${address.port}\n`);
