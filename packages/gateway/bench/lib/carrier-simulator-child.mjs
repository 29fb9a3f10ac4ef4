import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('carrier-simulator-runner.mjs', import.meta.url));

const live = new Set();
let hooked = false;
function killAllOnExit() {
  if (hooked) return;
  hooked = true;
  // A child also exits when its IPC channel closes; this covers a parent that exits normally
  // with a child still running (an error between start and stop).
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/**
 * Starts @karvon/carrier-simulator in a child process (carrier-simulator-runner.mjs) and
 * resolves once it listens. Unlike bench/kannel/simulator-child.mjs, its counts can be read
 * while it runs and include duplicate submits (same source, destination and text).
 *
 * @param {object} options  startCarrierSimulator options (JSON-able)
 * @returns {Promise<{ port: number, pid: number, counts(): Promise<SimulatorCounts>,
 *   stop(): Promise<SimulatorCounts | undefined> }>}
 *   SimulatorCounts: { submits, distinct, duplicates, receiptsSent, binds, received, sent }.
 *   stop() resolves with the last counts (undefined if the child had already died).
 */
export function startCarrierSimulatorChild(options, { startTimeoutMs = 15_000 } = {}) {
  killAllOnExit();
  const child = spawn(process.execPath, [RUNNER, JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  live.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => live.delete(child));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
  });

  let lastCounts;
  let nextRequest = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    if (message?.type === 'stats') {
      lastCounts = message.counts;
      waiting.get(message.id)?.(message.counts);
      waiting.delete(message.id);
    } else if (message?.type === 'stopped') {
      lastCounts = message.counts;
    }
  });

  const counts = () =>
    new Promise((resolve, reject) => {
      if (!child.connected) {
        reject(new Error('carrier simulator is not running'));
        return;
      }
      const id = nextRequest++;
      waiting.set(id, resolve);
      child.send({ type: 'stats', id });
    });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    return lastCounts;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`carrier simulator did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      for (const done of waiting.values()) done(undefined);
      reject(new Error(`carrier simulator exited before listening (code ${code}, signal ${signal}): ${stderr.trim()}`));
    });
    child.on('message', (message) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ port: message.port, pid: child.pid, counts, stop });
    });
  });
}
