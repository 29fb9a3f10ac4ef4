import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { READY_PREFIX, STATS_PREFIX } from './simulator-runner.mjs';

const RUNNER = fileURLToPath(new URL('simulator-runner.mjs', import.meta.url));

/** The account Kannel binds with. Fits SMPP's limits: system_id ≤ 15, password ≤ 8 characters. */
export const SIMULATOR_ACCOUNT = Object.freeze({ systemId: 'kannelbench', password: 'kb3nch' });

/**
 * Options for a benchmark: receipts at once (receiptDelayMs 0) and room for many binds, so
 * the simulator never limits the peer under test.
 *
 * @param {{ systemId: string, password: string }} [account]
 */
export function benchSimulatorOptions(account = SIMULATOR_ACCOUNT) {
  return {
    host: '127.0.0.1',
    port: 0,
    accounts: [{ ...account, receiptDelayMs: 0, maxBinds: 1024 }],
  };
}

/**
 * Starts the carrier simulator in a child process (simulator-runner.mjs) and resolves once it
 * listens. The child also exits when its stdin closes, so a killed parent leaves nothing behind.
 *
 * @returns {Promise<{ port: number, pid: number, stop(): Promise<object | undefined> }>}
 *   stop() resolves with the simulator's counts (submits, receiptsSent, PDUs by command).
 */
export function startSimulatorChild(options = benchSimulatorOptions(), { startTimeoutMs = 15_000 } = {}) {
  const child = spawn(process.execPath, [RUNNER, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: child.stdout });
  const linesClosed = new Promise((resolve) => lines.once('close', resolve));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  let stats;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    // The stats line may still be buffered after the exit event.
    await linesClosed;
    return stats;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`carrier simulator did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`carrier simulator exited before listening (code ${code}, signal ${signal}): ${stderr.trim()}`));
    });
    lines.on('line', (line) => {
      if (line.startsWith(STATS_PREFIX)) {
        stats = JSON.parse(line.slice(STATS_PREFIX.length));
      } else if (line.startsWith(READY_PREFIX)) {
        clearTimeout(timer);
        const { port } = JSON.parse(line.slice(READY_PREFIX.length));
        resolve({ port, pid: child.pid, stop });
      }
    });
  });
}
