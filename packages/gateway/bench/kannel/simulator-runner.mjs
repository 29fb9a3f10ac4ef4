// Child half of simulator-child.mjs: runs @karvon/carrier-simulator in its own process, so its CPU
// is not the bench process's. Options come as JSON in argv[2] (or KARVON_SIMULATOR_OPTIONS); the
// port goes to stdout as one line. Stops on SIGTERM/SIGINT, or when stdin closes (the parent died).

import { fileURLToPath } from 'node:url';

export const READY_PREFIX = 'KARVON_SIMULATOR_READY ';
export const STATS_PREFIX = 'KARVON_SIMULATOR_STATS ';

async function main() {
  const raw = process.argv[2] ?? process.env.KARVON_SIMULATOR_OPTIONS;
  if (raw === undefined) throw new Error('pass the simulator options as JSON in argv[2] or KARVON_SIMULATOR_OPTIONS');
  let simulatorModule;
  try {
    simulatorModule = await import('@karvon/carrier-simulator');
  } catch (error) {
    throw new Error(
      `cannot load @karvon/carrier-simulator (${error.code ?? error.message}): run \`pnpm --filter '@karvon/carrier-simulator...' build\` first`,
    );
  }
  const sim = await simulatorModule.startCarrierSimulator(JSON.parse(raw));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Counts only: the full stats list repeated triples, which carry phone numbers.
    const { submits, receiptsSent, received, sent } = sim.stats();
    await sim.close();
    process.stdout.write(
      `${STATS_PREFIX}${JSON.stringify({ submits: submits.total, receiptsSent, received, sent })}\n`,
    );
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ port: sim.port })}\n`);
}

// Only when run as a script: the parent imports this file for the prefixes.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`simulator-runner: ${error.message}`);
    process.exit(1);
  });
}
