// The Kannel peer of the carriers benchmark: Debian's Kannel 1.4.5 taking the same load as the
// Karvon gateway (one-part messages over HTTP, 64 connections, receipts requested) and passing it
// over one SMPP transceiver to the same carrier simulator. Everything runs on 127.0.0.1 and
// everything started here is stopped here.
//
// CLI: `node bench/kannel/kannel-peer.mjs [--duration 10] [--connections 64] [--window 256]`
// runs one round against its own simulator and prints the result as JSON on stdout.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEND_BODY } from '../lib/send-request.mjs';
import { freePorts } from './free-ports.mjs';
import { startKannelBox } from './kannel-box.mjs';
import { kannelConfig } from './kannel-config.mjs';
import { BEARERBOX, ensureKannelInstalled, SMSBOX } from './kannel-install.mjs';
import { readKannelStatus, waitForKannelStatus } from './kannel-status.mjs';
import { readLogTail } from './log-tail.mjs';
import { measureCpu } from './process-cpu.mjs';
import { startReceiptCounter } from './receipt-counter.mjs';
import { runSendsmsLoad, sendsmsUrl } from './sendsms-load.mjs';
import { benchSimulatorOptions, SIMULATOR_ACCOUNT, startSimulatorChild } from './simulator-child.mjs';

// The same recipient, sender and one-part text as the Karvon side's POST /send. The number is an
// ordinary one, not a sandbox magic number, so the simulator delivers every message.
const { to: TO, from: FROM, body: TEXT } = JSON.parse(SEND_BODY);

const DRAIN_QUIET_MS = 2_000;
const PROBE_TIMEOUT_MS = 10_000;

/**
 * One round: starts Kannel (and a simulator unless `simulatorPort` is given), sends for
 * `durationS`, counts the receipts, stops everything.
 *
 * Definitions:
 * - accepted: sendsms answers 202 during the load; acceptedPerS = accepted / durationS.
 * - receipts: "delivered" DLR callbacks (dlr-mask 1) received from the start of the load until
 *   none arrived for 2 s, or `drainTimeoutS` after the load ended, whichever is first.
 * - receiptsPerS = receipts / (durationS + drainS), drainS being the time from the end of the
 *   load to the last receipt counted (the 2 s of quiet are not counted).
 * - errors: sendsms requests answered with anything but 202, socket errors and timeouts.
 * - durationS: how long the load actually ran.
 * - cpuPercent: CPU use of bearerbox, smsbox, the simulator (when started here) and this process
 *   (autocannon and the receipt counter) during the load, in percent of one core.
 * Receipts may slightly exceed accepted: requests in flight when the load stops are not counted
 * by autocannon, but Kannel may have queued them.
 *
 * @param {{ durationS: number, connections?: number, window?: number, simulatorPort?: number,
 *   simulatorAccount?: { systemId: string, password: string }, drainTimeoutS?: number,
 *   log?: (line: string) => void }} options
 *   simulatorPort: a simulator already running on 127.0.0.1 with `simulatorAccount` (default
 *   SIMULATOR_ACCOUNT); without it, one is started in a child process and stopped afterwards.
 */
export async function runKannelPeer({
  durationS,
  connections = 64,
  window = 256,
  simulatorPort,
  simulatorAccount = SIMULATOR_ACCOUNT,
  drainTimeoutS = 10,
  log = (line) => console.error(line),
}) {
  if (!(durationS > 0)) throw new Error(`durationS must be a positive number, got ${durationS}`);
  ensureKannelInstalled({ log });

  const directory = mkdtempSync(join(tmpdir(), 'karvon-kannel-'));
  const removeDirectory = () => rmSync(directory, { recursive: true, force: true });
  // An interrupted run (the caller calls process.exit) still removes it.
  process.on('exit', removeDirectory);
  const boxes = [];
  let simulator;
  let counter;
  try {
    if (simulatorPort === undefined) simulator = await startSimulatorChild(benchSimulatorOptions(simulatorAccount));
    counter = await startReceiptCounter({ accept: (url) => url.searchParams.get('type') === '1' });

    const [adminPort, smsboxPort, sendsmsPort] = await freePorts(3);
    const adminPassword = randomBytes(12).toString('hex');
    const user = { username: 'bench', password: randomBytes(12).toString('hex') };
    const configPath = join(directory, 'kannel.conf');
    writeFileSync(
      configPath,
      kannelConfig({
        directory,
        adminPort,
        adminPassword,
        smsboxPort,
        sendsmsPort,
        smsc: { host: '127.0.0.1', port: simulatorPort ?? simulator.port, ...simulatorAccount, window },
        user,
      }),
      { mode: 0o600 },
    );

    const status = (until, what) => waitForKannelStatus({ adminPort, password: adminPassword, boxes, until, what });
    try {
      boxes.push(startKannelBox(BEARERBOX, configPath, join(directory, 'bearerbox.out')));
      // smsbox gives up if bearerbox is not listening yet.
      await status(() => true, 'bearerbox admin page');
      boxes.push(startKannelBox(SMSBOX, configPath, join(directory, 'smsbox.out')));
      await status((s) => s.smscOnline && s.smsboxConnected, 'SMSC bind and smsbox connection');
      const url = sendsmsUrl({ port: sendsmsPort, ...user, to: TO, from: FROM, text: TEXT, dlrUrl: counter.url });
      await probe(url, counter);
      const before = counter.count();
      const cpu = measureCpu({
        bearerbox: boxes[0].pid,
        smsbox: boxes[1].pid,
        ...(simulator ? { simulator: simulator.pid } : {}),
        bench: undefined,
      });
      const load = await runSendsmsLoad({ url, connections, durationS });
      const cpuPercent = cpu.stop();
      const { drainS } = await drainReceipts(counter.count, drainTimeoutS * 1000);
      const receipts = counter.count() - before;
      const kannel = await readKannelStatus(adminPort, adminPassword);
      return {
        accepted: load.accepted,
        acceptedPerS: load.accepted / load.loadS,
        receipts,
        receiptsPerS: receipts / (load.loadS + drainS),
        errors: load.errors,
        durationS: load.loadS,
        drainS,
        statusCodes: load.statusCodes,
        kannel: { smsSent: kannel.smsSent, smscFailed: kannel.smscFailed, smscQueued: kannel.smscQueued },
        ignoredCallbacks: counter.ignored(),
        cpuPercent,
      };
    } catch (error) {
      // The logs go with the temp directory; keep their ends in the error (numbers masked).
      const tails = ['bearerbox.log', 'bearerbox.out', 'smsbox.log', 'smsbox.out']
        .map((name) => [name, readLogTail(join(directory, name))])
        .filter(([, tail]) => tail !== '')
        .map(([name, tail]) => `--- ${name} ---\n${tail}`);
      if (tails.length > 0) error.message = `${error.message}\n${tails.join('\n')}`;
      throw error;
    }
  } finally {
    // smsbox first: bearerbox would otherwise log the box as lost.
    for (const box of [...boxes].reverse()) await box.stop();
    await counter?.close();
    await simulator?.stop();
    removeDirectory();
    process.off('exit', removeDirectory);
  }
}

/** One message through the whole path before measuring: a setup error fails here, clearly. */
async function probe(url, counter) {
  const before = counter.count();
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 202) throw new Error(`sendsms probe answered ${response.status}: ${body.slice(0, 200)}`);
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (counter.count() === before) {
    if (Date.now() > deadline)
      throw new Error(`no delivery report for the probe message within ${PROBE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits for the receipts still on their way after the load: until the count has not moved for
 * DRAIN_QUIET_MS, or `timeoutMs`. Resolves with drainS, the time to the last change seen.
 */
async function drainReceipts(count, timeoutMs) {
  const started = performance.now();
  let last = count();
  let lastChange = started;
  while (performance.now() - started < timeoutMs && performance.now() - lastChange < DRAIN_QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = count();
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    }
  }
  return { drainS: (lastChange - started) / 1000 };
}

function positive(name, raw) {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' },
      window: { type: 'string', default: '256' },
    },
  });
  // Ctrl-C: exit hooks kill the boxes and remove the temp directory; the simulator child exits
  // when its stdin closes.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  const result = await runKannelPeer({
    durationS: positive('duration', values.duration),
    connections: positive('connections', values.connections),
    window: positive('window', values.window),
  });
  console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
