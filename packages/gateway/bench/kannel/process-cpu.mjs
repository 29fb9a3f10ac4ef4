import { readFileSync } from 'node:fs';

// Clock ticks per second in /proc; 100 on every Linux we run on.
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) process `pid` has used so far, or undefined when it cannot be read
 * (not Linux, or the process is gone). With `pid` omitted: this process.
 */
export function processCpuSeconds(pid) {
  if (pid === undefined) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Starts measuring the named processes; `stop()` returns each one's CPU use since, in percent of
 * one core over the wall time elapsed (undefined where unreadable). On a small machine the peer,
 * the simulator and the load generator share the cores, and these say which of them was busy.
 *
 * @param {Record<string, number | undefined>} pids  name → pid; undefined means this process.
 */
export function measureCpu(pids) {
  const started = performance.now();
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)]));
  return {
    stop() {
      const wallS = (performance.now() - started) / 1000;
      return Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => {
          const after = processCpuSeconds(pid);
          const used = after === undefined || before[name] === undefined ? undefined : after - before[name];
          return [name, used === undefined ? undefined : Math.round((used / wallS) * 100)];
        }),
      );
    },
  };
}
