import { coreCount, describeMachine } from './describe-machine.mjs';

/** The lines every benchmark prints first: what, where, and with which load. */
export function printBenchHeader(title, settings) {
  const cores = coreCount();
  console.log(`\n## ${title}\n`);
  console.log(describeMachine());
  console.log(
    `autocannon: ${settings.connections} connections, pipelining ${settings.pipelining}, ` +
      `${settings.warmupSeconds} s warm-up each, then ${settings.runs} rounds of ${settings.durationSeconds} s per server taken in turns; ` +
      `figures are medians of the runs; each run waits up to ${settings.quietWaitSeconds} s for a quiet machine`,
  );
  if (cores <= 2) {
    console.log(
      `note: ${cores} cores. The server (child process) and autocannon (this process) compete for them, ` +
        'so absolute figures are lower than on a machine with a separate load generator; compare rows, not machines.',
    );
  }
  console.log('');
}
