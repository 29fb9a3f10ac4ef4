// Child half of carrier-simulator-child.mjs: @karvon/carrier-simulator in its own process, so its
// CPU is not the bench process's, with its counts readable over the IPC channel at any time
// (`sim.stats()` is in-process only). Options come as JSON in argv[2]. Stops on SIGTERM/SIGINT or
// when the IPC channel closes (the parent died).

import { fileURLToPath } from 'node:url';

/**
 * The simulator's counts without the repeated triples themselves (they carry phone numbers):
 * what the benchmark checks (submits, duplicates, receipts) and the PDUs by command.
 */
export function simulatorCounts(stats) {
  return {
    submits: stats.submits.total,
    distinct: stats.submits.distinct,
    duplicates: stats.submits.duplicates,
    receiptsSent: stats.receiptsSent,
    binds: stats.binds,
    received: stats.received,
    sent: stats.sent,
  };
}

async function main() {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('pass the simulator options as JSON in argv[2]');
  if (!process.send) throw new Error('start this with an IPC channel (carrier-simulator-child.mjs)');
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
    const counts = simulatorCounts(sim.stats());
    await sim.close();
    if (process.connected) process.send({ type: 'stopped', counts }, () => process.exit(0));
    else process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (message) => {
    if (message?.type === 'stats')
      process.send({ type: 'stats', id: message.id, counts: simulatorCounts(sim.stats()) });
  });
  process.send({ type: 'ready', port: sim.port });
}

// Only when run as a script: the parent imports nothing from here but the path.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`carrier-simulator-runner: ${error.message}`);
    process.exit(1);
  });
}
