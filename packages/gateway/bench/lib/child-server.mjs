import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { LISTENING_PREFIX, STATS_PREFIX } from './announce-listening.mjs';

// Servers under test run in their own process so that the load generator
// (autocannon, in the parent) never shares their event loop. Every child
// started here is killed when the parent exits, however it exits.

const live = new Set();

function killAll(signal) {
  for (const child of live) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      killAll('SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
  process.on('uncaughtException', (error) => {
    killAll('SIGKILL');
    console.error(error);
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    killAll('SIGKILL');
    console.error(error);
    process.exit(1);
  });
}

// Clock ticks per second for /proc/<pid>/stat; 100 on every Linux we run on.
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used so far, or undefined off Linux. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields are counted after its closing paren.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Starts `node <script> ...args` and resolves once it prints its port.
 * The child gets a stdin pipe and exits when it closes, so even a SIGKILLed
 * parent leaves nothing behind.
 *
 * @returns {Promise<{ url: string, port: number, pid: number, cpuSeconds(): number | undefined, stop(): Promise<object | undefined> }>}
 */
export function startChildServer(script, { args = [], env = {}, nodeOptions = [], startTimeoutMs = 15_000 } = {}) {
  installExitHooks();
  const child = spawn(process.execPath, [...nodeOptions, script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  live.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => live.delete(child));

  let stats;
  const lines = createInterface({ input: child.stdout });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report a port within ${startTimeoutMs} ms`));
    }, startTimeoutMs);

    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before listening (code ${code}, signal ${signal})`));
    });

    lines.on('line', (line) => {
      if (line.startsWith(STATS_PREFIX)) {
        stats = JSON.parse(line.slice(STATS_PREFIX.length));
        return;
      }
      if (!line.startsWith(LISTENING_PREFIX)) {
        process.stdout.write(`  [${child.pid}] ${line}\n`);
        return;
      }
      clearTimeout(timer);
      const port = Number(line.slice(LISTENING_PREFIX.length));
      resolve({
        port,
        pid: child.pid,
        url: `http://127.0.0.1:${port}`,
        cpuSeconds: () => processCpuSeconds(child.pid),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(forced);
          }
          // stdout may still hold the stats line after the exit event.
          await new Promise((done) => (lines.closed ? done() : lines.once('close', done)));
          return stats;
        },
      });
    });
  });
}
