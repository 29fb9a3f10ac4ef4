import { readFileSync } from 'node:fs';

// Clock ticks per second in /proc; 100 on every Linux we run on.
const CLOCK_TICKS = 100;

/**
 * CPU seconds the whole machine has spent busy (all cores, all processes), or
 * undefined off Linux. Subtracting what the server and autocannon used tells
 * how much other work (a build, a test run) shared the machine during a run.
 */
export function machineBusySeconds() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const [, ...fields] = line.trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Waits (at most `timeoutMs`) until the machine's busy time over one second
 * stays under `maxBusyPercent` of one core, so a run does not start in the
 * middle of someone's build. Resolves with the last reading (percent of one
 * core), or undefined off Linux. Never fails: a busy machine is reported,
 * not hidden.
 */
export async function waitForQuietMachine({ maxBusyPercent = 30, timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let busy;
  do {
    const before = machineBusySeconds();
    if (before === undefined) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    busy = (machineBusySeconds() - before) * 100;
    if (busy <= maxBusyPercent) return busy;
  } while (Date.now() < deadline);
  return busy;
}
