// The real gateway, as built (dist/), in a child process for send.bench.mjs.
// It starts the way `karvon-gateway start` does (same createGateway, same
// environment variables and defaults) but on 127.0.0.1:0, prints no banner
// and speaks the bench line protocol (announce-listening.mjs). The account
// and key are made by the parent before this starts; nothing here skips
// work the real send path does.
import { createGateway } from '../../dist/index.js';
import { LISTENING_PREFIX } from '../lib/announce-listening.mjs';

const env = process.env;
const integer = (name, fallback) => (env[name] ? Number(env[name]) : fallback);

const gateway = await createGateway({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.KARVON_DATA_DIR ?? './data',
  host: '127.0.0.1',
  port: 0,
  // The CLI's default level. Request logging is off in the gateway, so on a
  // clean run nothing is written per request; warnings still reach stdout.
  logLevel: env.KARVON_LOG_LEVEL ?? 'info',
  rateLimit: {
    perSecond: integer('KARVON_RATE_LIMIT_PER_SECOND', 200),
    burst: integer('KARVON_RATE_LIMIT_BURST', 400),
  },
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  // close() stops accepting, drains in-flight requests and closes the
  // database, so every answered message is on disk before the parent counts.
  const forced = setTimeout(() => process.exit(1), 8_000);
  try {
    await gateway.close();
  } finally {
    clearTimeout(forced);
    // process.exit (not a signal's default action) lets --cpu-prof write its file.
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
