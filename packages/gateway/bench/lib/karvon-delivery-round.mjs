// One Karvon round of the carriers benchmark: the built gateway (one process on SQLite, or
// several on one PostgreSQL database) delivering over SMPP to its own carrier simulator child,
// under the load the Kannel peer takes (bench/kannel/kannel-peer.mjs), measured with the same
// definitions. Everything started here is stopped here, and the database is dropped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCpu } from '../kannel/process-cpu.mjs';
import { benchSimulatorOptions } from '../kannel/simulator-child.mjs';
import { startCarrierSimulatorChild } from './carrier-simulator-child.mjs';
import { startChildServer } from './child-server.mjs';
import { distinctSendBodies } from './distinct-send-bodies.mjs';
import { createGatewayDatabase } from './gateway-database.mjs';
import { openMessageOutcomes } from './message-outcomes.mjs';
import { runSendLoad } from './send-load.mjs';
import { SEND_PATH } from './send-request.mjs';
import { waitUntilQuiet } from './wait-until-quiet.mjs';

const SERVER = fileURLToPath(new URL('../servers/delivering-gateway.mjs', import.meta.url));

/** The Karvon side's simulator account (SMPP limits: system_id ≤ 15, password ≤ 8 characters). */
export const KARVON_SIMULATOR_ACCOUNT = Object.freeze({ systemId: 'karvonbench', password: 'kb3nch' });

// Generous: with several processes a probe may first go to one without a bind and wait for a route.
const PROBE_TIMEOUT_MS = 60_000;
// Slots are renewed, and shared out again, every third of the 15 s lease.
const BINDS_TIMEOUT_MS = 60_000;

/**
 * The carriers file: one account on the simulator, `binds` for the whole account (processes
 * lease them through the database), a window like Kannel's and a TPS no run reaches, so the
 * carrier is never the limit.
 */
export function benchCarriersFile({ port, binds, window, account = KARVON_SIMULATOR_ACCOUNT }) {
  return {
    carriers: [
      {
        id: 'simulator',
        host: '127.0.0.1',
        port,
        systemId: account.systemId,
        password: account.password,
        binds,
        windowSize: window,
        tps: 100_000,
      },
    ],
  };
}

async function probe(baseUrl, key, body) {
  const response = await fetch(`${baseUrl}${SEND_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`probe POST /send answered ${response.status}: ${text.slice(0, 300)}`);
}

/** Waits until `count()` reaches `target` (the probes delivered): binds are up, receipts flow. */
async function waitForCount(count, target, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let seen = await count();
  while (seen < target) {
    if (Date.now() > deadline) throw new Error(`${what}: ${seen} of ${target} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await count();
  }
}

/**
 * Waits until every process holds one bind slot and the simulator sees that many binds, for a
 * second without change: slots are shared between live processes after they start, and the
 * first process gives its extra slot back (and reconnects) when the second one appears.
 * Measuring during that hand-over would measure start-up, not the steady state.
 */
async function waitForOneBindEach(outcomes, simulator, processes, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let steadySince;
  let seen;
  while (Date.now() < deadline) {
    const leases = Object.values(await outcomes.leasesByOwner());
    const binds = (await simulator.counts()).binds[KARVON_SIMULATOR_ACCOUNT.systemId] ?? 0;
    seen = { leases, binds };
    const ready = leases.length === processes && leases.every((n) => n === 1) && binds === processes;
    if (!ready) steadySince = undefined;
    else if (steadySince === undefined) steadySince = Date.now();
    else if (Date.now() - steadySince >= 1_000) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`binds not one per process within ${timeoutMs} ms: ${JSON.stringify(seen)}`);
}

/** Polls until `unsettled()` is 0 or `timeoutMs` passed. */
async function waitUntilSettled(unsettled, timeoutMs) {
  const started = performance.now();
  while ((await unsettled()) > 0 && performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * One round. Definitions (those of runKannelPeer):
 * - accepted: `POST /send` answered 2xx during the load (each is one committed message);
 *   acceptedPerS = accepted / loadS.
 * - receipts: messages that became `delivered` from the start of the load until the count had
 *   not moved for 2 s, or `drainTimeoutS` after the load ended, whichever is first (the count is
 *   read from the database every 50 ms); receiptsPerS = receipts / (loadS + drainS), drainS being
 *   the time from the end of the load to the last change seen.
 * Then, for the checks only, it waits until no message is queued or sent (at most
 * `settleTimeoutS`), stops the gateways and the simulator, and counts what is in the database.
 *
 * @param {{ dialect: 'sqlite' | 'postgres', processes: number, adminUrl?: string, durationS: number,
 *   connections: number, window: number, drainTimeoutS?: number, settleTimeoutS?: number, logLevel?: string, nodeOptions?: string[] }} options
 *   nodeOptions: for the gateway processes (`--cpu-prof`, …).
 */
export async function runKarvonRound({
  dialect,
  processes,
  adminUrl,
  durationS,
  connections,
  window,
  drainTimeoutS = 10,
  settleTimeoutS = 120,
  logLevel = 'info',
  nodeOptions = [],
}) {
  const directory = mkdtempSync(join(tmpdir(), 'karvon-carriers-bench-'));
  const removeDirectory = () => rmSync(directory, { recursive: true, force: true });
  process.on('exit', removeDirectory);
  const gateways = [];
  let simulator;
  let database;
  let outcomes;
  try {
    simulator = await startCarrierSimulatorChild(benchSimulatorOptions(KARVON_SIMULATOR_ACCOUNT));
    database = await createGatewayDatabase(dialect === 'sqlite' ? { dialect } : { dialect, adminUrl });
    const carriersFile = join(directory, 'carriers.json');
    // Each process leases one bind of the account's `processes` through the database.
    writeFileSync(carriersFile, JSON.stringify(benchCarriersFile({ port: simulator.port, binds: processes, window })), {
      mode: 0o600,
    });
    for (let index = 0; index < processes; index += 1) {
      gateways.push(
        await startChildServer(SERVER, {
          env: { ...database.env, KARVON_CARRIERS_FILE: carriersFile, KARVON_LOG_LEVEL: logLevel },
          nodeOptions,
          startTimeoutMs: 30_000,
        }),
      );
    }
    outcomes = await openMessageOutcomes(database);
    await waitForOneBindEach(outcomes, simulator, processes, BINDS_TIMEOUT_MS);

    // One message through each process before measuring: binds up, receipts applied.
    const nextBody = distinctSendBodies();
    for (const gateway of gateways) await probe(gateway.url, database.key, nextBody());
    await waitForCount(outcomes.delivered, gateways.length, PROBE_TIMEOUT_MS, 'probe messages delivered');
    const before = await outcomes.delivered();

    const cpu = measureCpu({
      ...Object.fromEntries(gateways.map((gateway, index) => [`gateway${index + 1}`, gateway.pid])),
      simulator: simulator.pid,
      bench: undefined,
    });
    const load = await runSendLoad({
      baseUrls: gateways.map((gateway) => gateway.url),
      key: database.key,
      connections,
      durationS,
      nextBody,
    });
    const cpuPercent = cpu.stop();
    const loadEnded = performance.now();
    const atLoadEnd = await outcomes.delivered();
    const drain = await waitUntilQuiet(outcomes.delivered, { timeoutMs: drainTimeoutS * 1000 });
    const receipts = drain.last - before;

    // Not measured: let everything still queued or sent finish, so the checks see final states.
    await waitUntilSettled(outcomes.unsettled, settleTimeoutS * 1000);
    const settleS = (performance.now() - loadEnded) / 1000;
    const simulatorBeforeStop = await simulator.counts();
    const gatewayStats = [];
    for (const gateway of gateways.splice(0)) gatewayStats.push(await gateway.stop());
    const simulatorCounts = (await simulator.stop()) ?? simulatorBeforeStop;
    simulator = undefined;

    const byStatus = await outcomes.byStatus();
    const committed = Object.values(byStatus).reduce((sum, count) => sum + count, 0) - processes;
    return {
      accepted: load.accepted,
      acceptedPerS: load.accepted / load.loadS,
      receipts,
      receiptsPerS: receipts / (load.loadS + drain.drainS),
      errors: load.errors,
      statusCodes: load.statusCodes,
      durationS: load.loadS,
      drainS: drain.drainS,
      deliveredDuringLoad: atLoadEnd - before,
      // From the end of the load until no message was queued or sent (or the timeout).
      settleS,
      cpuPercent,
      check: {
        // Messages in the database but the probes: each 2xx must be one of them; the excess
        // fits in the requests in flight when the load stopped (autocannon does not count them).
        committed,
        byStatus,
        receiptsByOutcome: await outcomes.receiptsByOutcome(),
        simulator: simulatorCounts,
      },
      stageTimes: await outcomes.stageTimes(),
      gateways: gatewayStats,
    };
  } finally {
    await outcomes?.close().catch(() => {});
    for (const gateway of gateways) await gateway.stop().catch(() => {});
    await simulator?.stop();
    await database?.drop();
    removeDirectory();
    process.off('exit', removeDirectory);
  }
}
