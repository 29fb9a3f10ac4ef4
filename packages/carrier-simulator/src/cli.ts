#!/usr/bin/env node
import { startCarrierSimulator } from './server/start-carrier-simulator';

// `karvon-carrier-simulator`: an SMSC to point a gateway at during development.
// HOST and PORT choose where it listens; the demo account is karvon / karvon.
const host = process.env.HOST ?? '127.0.0.1';
const port = Number.parseInt(process.env.PORT ?? '2775', 10);

const sim = await startCarrierSimulator({
  host,
  port,
  accounts: [{ systemId: 'karvon', password: 'karvon', receiptDelayMs: 500 }],
  // A short `delayed` outcome, so a demo does not wait 30 seconds.
  outcomeDelays: { delayed: 5_000, expired: 5_000 },
});
console.log(`karvon-carrier-simulator listening on ${sim.url} (system_id karvon, password karvon)`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const { submits, receiptsSent } = sim.stats();
  await sim.close();
  console.log(`stopped after ${submits.total} submit_sm and ${receiptsSent} receipts`);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
