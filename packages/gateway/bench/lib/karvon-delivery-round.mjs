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
import { startWebhookCounter } from './webhook-counter.mjs';

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

/**
 * Registers the benchmark's receiver as a `message.delivered` endpoint of the account, as a
 * customer would (POST /webhooks), and hands it the secret the gateway answers with.
 */
async function registerWebhookEndpoint(baseUrl, key, counter) {
  const response = await fetch(`${baseUrl}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ url: counter.url, events: ['message.delivered'] }),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status !== 201 || typeof answer.secret !== 'string') {
    throw new Error(`POST /webhooks answered ${response.status}: ${JSON.stringify(answer.type ?? answer.title ?? '')}`);
  }
  counter.setSecret(answer.secret);
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

/** Polls until `settled()` or `timeoutMs` passed. */
async function waitUntil(settled, timeoutMs) {
  const started = performance.now();
  while (!(await settled()) && performance.now() - started < timeoutMs) {
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
 * - webhooks: `message.delivered` webhooks received by the account's one endpoint (distinct
 *   webhook-ids), counted in the same way over the same load; webhooksPerS = webhooks /
 *   (loadS + webhookDrainS). The receiver answers 204 and verifies every 100th signature.
 * Then, for the checks only, it waits until no message is queued or sent (at most
 * `settleTimeoutS`) and then until every delivered message has had its webhook (at most
 * `webhookSettleTimeoutS` more: a slow sender would otherwise hold every round for minutes; what
 * is still pending in the outbox then is reported), stops the gateways and the simulator, and
 * counts what is in the database and what the receiver got.
 *
 * @param {{ dialect: 'sqlite' | 'postgres', processes: number, adminUrl?: string, durationS: number,
 *   connections: number, window: number, drainTimeoutS?: number, settleTimeoutS?: number,
 *   webhookSettleTimeoutS?: number, withWebhookEndpoint?: boolean, logLevel?: string, nodeOptions?: string[] }} options
 *   withWebhookEndpoint: false registers none (the webhook figures are then 0): the same round
 *   without webhooks, to see what they cost the rest.
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
  webhookSettleTimeoutS = 30,
  withWebhookEndpoint = true,
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
  let webhooks;
  try {
    webhooks = await startWebhookCounter();
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

    // The endpoint lives in the database: every process sends to it.
    if (withWebhookEndpoint) await registerWebhookEndpoint(gateways[0].url, database.key, webhooks);

    // One message through each process before measuring: binds up, receipts applied, webhooks sent.
    const nextBody = distinctSendBodies();
    for (const gateway of gateways) await probe(gateway.url, database.key, nextBody());
    await waitForCount(outcomes.delivered, gateways.length, PROBE_TIMEOUT_MS, 'probe messages delivered');
    if (withWebhookEndpoint)
      await waitForCount(webhooks.count, gateways.length, PROBE_TIMEOUT_MS, 'probe webhooks received');
    const before = await outcomes.delivered();
    const webhooksBefore = webhooks.count();

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
    const webhooksAtLoadEnd = webhooks.count();
    // Both drains at once, from the end of the load: the same definition for each.
    const [drain, webhookDrain] = await Promise.all([
      waitUntilQuiet(outcomes.delivered, { timeoutMs: drainTimeoutS * 1000 }),
      waitUntilQuiet(webhooks.count, { timeoutMs: drainTimeoutS * 1000 }),
    ]);
    const receipts = drain.last - before;
    const webhooksCounted = webhookDrain.last - webhooksBefore;

    // Not measured: let everything still queued or sent finish, so the checks see final states.
    await waitUntil(async () => (await outcomes.unsettled()) === 0, settleTimeoutS * 1000);
    const settleS = (performance.now() - loadEnded) / 1000;
    if (withWebhookEndpoint)
      await waitUntil(async () => webhooks.count() >= (await outcomes.delivered()), webhookSettleTimeoutS * 1000);
    const webhookSettleS = (performance.now() - loadEnded) / 1000;
    const simulatorBeforeStop = await simulator.counts();
    const gatewayStats = [];
    for (const gateway of gateways.splice(0)) gatewayStats.push(await gateway.stop());
    const simulatorCounts = (await simulator.stop()) ?? simulatorBeforeStop;
    simulator = undefined;

    const byStatus = await outcomes.byStatus();
    const webhookSummary = webhooks.summary();
    await webhooks.close();
    webhooks = undefined;
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
      webhooks: webhooksCounted,
      webhooksPerS: webhooksCounted / (load.loadS + webhookDrain.drainS),
      webhookDrainS: webhookDrain.drainS,
      webhooksDuringLoad: webhooksAtLoadEnd - webhooksBefore,
      deliveredDuringLoad: atLoadEnd - before,
      // From the end of the load until no message was queued or sent (or the timeout).
      settleS,
      // From the end of the load until every delivered message had its webhook (or the timeout).
      webhookSettleS,
      cpuPercent,
      check: {
        // Messages in the database but the probes: each 2xx must be one of them; the excess
        // fits in the requests in flight when the load stopped (autocannon does not count them).
        committed,
        byStatus,
        receiptsByOutcome: await outcomes.receiptsByOutcome(),
        simulator: simulatorCounts,
        // What the receiver got over the whole round, probes included.
        webhooks: webhookSummary,
        webhookDeliveriesByState: await outcomes.webhookDeliveriesByState(),
      },
      stageTimes: await outcomes.stageTimes(),
      gateways: gatewayStats,
    };
  } finally {
    await outcomes?.close().catch(() => {});
    for (const gateway of gateways) await gateway.stop().catch(() => {});
    await simulator?.stop();
    await webhooks?.close();
    await database?.drop();
    removeDirectory();
    process.off('exit', removeDirectory);
  }
}
