// The carriers benchmark (issue: "messages per second from POST /send to receipt processed"):
// in each of three rounds, Debian's Kannel through sendsms and one SMPP transceiver
// (bench/kannel/kannel-peer.mjs), the BUILT Karvon gateway on SQLite (one process, one bind) and
// on PostgreSQL (two processes sharing one carrier account of two binds), each against its own
// fresh carrier simulator child, under the same load: one-part messages, 64 connections for
// BENCH_DURATION_S (default 10 s), a delivery receipt requested for each. Kannel keeps its queue
// in memory; Karvon commits every message before it answers. Figures are medians of the rounds
// (single runs vary by about ±25 %); targets on SQLite, in the same run: accepted ≥ 1.3× Kannel's,
// receipts processed ≥ 1.5× Kannel's, `message.delivered` webhooks delivered ≥ 1.5× Kannel's DLR
// callbacks. After each Karvon round: every 2xx is a committed message, every message ends
// delivered, the simulator saw no duplicate submit, and every delivered message got exactly one
// webhook-id at the receiver.
//
// BENCH_PROFILE_DIR=<dir>: instead, one Karvon SQLite round with the gateway under
// node --cpu-prof, and where its time went (self time by package and file, inclusive time of our
// functions: send route, claim, beginSubmit, recordAccepted, receipt apply), per message.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runKannelPeer } from './kannel/kannel-peer.mjs';
import { readBenchSettings } from './lib/bench-settings.mjs';
import { coreCount, describeMachine } from './lib/describe-machine.mjs';
import { dropAllGatewayDatabases, postgresUnavailable } from './lib/gateway-database.mjs';
import { summariseInclusiveTime } from './lib/inclusive-cpuprofile.mjs';
import { runKarvonRound } from './lib/karvon-delivery-round.mjs';
import { median } from './lib/median.mjs';
import { formatCount, printTable } from './lib/print-table.mjs';
import { summariseCpuProfile } from './lib/summarise-cpuprofile.mjs';
import { waitForQuietMachine } from './lib/system-cpu.mjs';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const POSTGRES_URL = process.env.KARVON_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGETS = { accepted: 1.3, receipts: 1.5, webhooks: 1.5 };
// Kannel's default in the peer, and the Karvon profile's windowSize.
const WINDOW = 256;
const DRAIN_TIMEOUT_S = 10;

const settings = readBenchSettings();
// The load runs 10 s; the other benchmarks default to 8.
const durationS = process.env.BENCH_DURATION_S ? settings.durationSeconds : 10;
const { connections, runs } = settings;
const profileDirectory = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;

if (!existsSync(DIST)) {
  console.error('dist/ is missing: run `pnpm --filter @karvon/gateway build` first');
  process.exit(1);
}
// Ctrl-C: the exit hooks of the helpers kill every child, drop the databases, remove temp dirs.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

const one = (value) => value.toFixed(1);
const rate = (value) => formatCount(value);
const cpuLine = (cpu) =>
  Object.entries(cpu)
    .map(([name, percent]) => `${name} ${percent ?? 'n/a'}%`)
    .join(' / ');

function printHeader(postgresSkip) {
  console.log('\n## Carriers: POST /send (or sendsms) to receipt processed, Karvon vs Kannel\n');
  console.log(describeMachine());
  console.log(
    `load: ${connections} keep-alive connections for ${durationS} s, one-part messages (101 GSM-7 characters, ` +
      `a distinct code in each on the Karvon side), a delivery receipt requested for each; no warm-up (a probe ` +
      `message end to end first). SMPP window ${WINDOW}, simulator receipts at once. ${runs} rounds, each system ` +
      'against its own fresh simulator child, in turns: Kannel, Karvon SQLite, Karvon PostgreSQL.',
  );
  console.log(
    'accepted/s = 2xx (Kannel: 202) answers / load time. receipts/s = messages delivered (Kannel: "delivered" ' +
      `DLR callbacks) from the start of the load until none came for 2 s or ${DRAIN_TIMEOUT_S} s after the load, ` +
      '/ (load time + drain time to the last one). Karvon: the count of delivered rows, read every 50 ms.',
  );
  console.log(
    'webhooks/s (Karvon) = message.delivered webhooks received by one registered endpoint (a loopback server ' +
      'answering 204, distinct webhook-ids, every 100th signature verified with @karvon/sdk/webhooks), counted ' +
      "the same way over the same load; compared with Kannel's DLR callbacks/s (its receipts/s). Webhook " +
      `sender settings: ${webhookSettings()}.`,
  );
  if (coreCount() <= 2) {
    console.log(
      `note: ${coreCount()} cores shared by the load generator, the simulator and the system under test ` +
        '(and PostgreSQL); compare rows of one run, not machines.',
    );
  }
  if (postgresSkip) console.log(`PostgreSQL rows skipped: ${postgresSkip}`);
  console.log('');
}

/** The gateway's webhook sender settings in this run: its defaults unless overridden by env. */
function webhookSettings() {
  const overrides = ['KARVON_WEBHOOK_CONCURRENCY', 'KARVON_WEBHOOK_PER_ENDPOINT', 'KARVON_WEBHOOK_POLL_MS']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]}`);
  return overrides.length > 0 ? overrides.join(' ') : "the gateway's defaults (as `karvon-gateway start`)";
}

/**
 * Runs one system after waiting (a few seconds at most) for the machine to calm down, and
 * prints its line with how busy the machine was just before: on a shared machine a builder or
 * a test run in the background shows there.
 */
async function measured(round, name, run) {
  const busy = await waitForQuietMachine({ timeoutMs: settings.quietWaitSeconds * 1000 });
  const result = await run();
  console.log(
    `  round ${round} ${name}: ${rate(result.acceptedPerS)} accepted/s, ${rate(result.receiptsPerS)} receipts/s ` +
      `(${formatCount(result.accepted)} accepted, ${formatCount(result.receipts)} receipts in ${one(result.durationS)} + ` +
      `${one(result.drainS)} s)` +
      (result.webhooksPerS === undefined
        ? ''
        : `, ${rate(result.webhooksPerS)} webhooks/s (${formatCount(result.webhooks)} in ${one(result.durationS)} + ${one(result.webhookDrainS)} s)`) +
      `, errors ${result.errors}, CPU ${cpuLine(result.cpuPercent)}` +
      (busy === undefined ? '' : `; machine before: ${Math.round(busy)}% of a core`),
  );
  return result;
}

/** What is wrong with a Karvon round's outcome, if anything (one line each). */
function problemsOf(result) {
  const problems = [];
  const { committed, byStatus, simulator } = result.check;
  if (result.errors > 0) problems.push(`${result.errors} answers other than 2xx ${JSON.stringify(result.statusCodes)}`);
  if (committed < result.accepted) problems.push(`LOST: ${committed} committed for ${result.accepted} accepted`);
  if (committed - result.accepted > connections)
    problems.push(`${committed - result.accepted} more committed than accepted (> ${connections} in flight)`);
  const notDelivered = Object.entries(byStatus).filter(([status]) => status !== 'delivered');
  if (notDelivered.length > 0) problems.push(`not delivered: ${JSON.stringify(Object.fromEntries(notDelivered))}`);
  if (!simulator) problems.push('no simulator counts');
  else {
    if (simulator.duplicates !== 0) problems.push(`simulator saw ${simulator.duplicates} duplicate submits`);
    const submitted = (byStatus.delivered ?? 0) + (byStatus.sent ?? 0) + (byStatus.unknown ?? 0);
    if (simulator.submits !== submitted)
      problems.push(`simulator received ${simulator.submits} submits for ${submitted} messages submitted`);
  }
  problems.push(...webhookProblemsOf(result));
  return problems;
}

/**
 * Every delivered message (probes included) must have exactly one `message.delivered` webhook-id at
 * the receiver: one distinct id per distinct message, no id twice, no other event type, every
 * sampled signature valid. Webhooks still pending in the outbox when the round stopped waiting
 * are reported as missing, with how many the outbox still held (pending is late, not lost).
 */
function webhookProblemsOf(result) {
  const problems = [];
  const { webhooks, webhookDeliveriesByState, byStatus } = result.check;
  const delivered = byStatus.delivered ?? 0;
  if (webhooks.duplicates > 0) problems.push(`${webhooks.duplicates} webhooks received twice (same webhook-id)`);
  if (webhooks.distinctIds !== webhooks.distinctMessages)
    problems.push(`${webhooks.distinctIds} webhook-ids for ${webhooks.distinctMessages} messages`);
  if (webhooks.otherTypes > 0) problems.push(`${webhooks.otherTypes} webhooks not message.delivered`);
  if (webhooks.verifyFailures > 0)
    problems.push(
      `${webhooks.verifyFailures} of ${webhooks.verified} sampled signatures failed: ${webhooks.firstFailure}`,
    );
  if (webhooks.distinctMessages > delivered)
    problems.push(`webhooks for ${webhooks.distinctMessages} messages, only ${delivered} delivered`);
  if (webhooks.distinctMessages < delivered) {
    const pending = webhookDeliveriesByState.pending ?? 0;
    problems.push(
      `${delivered - webhooks.distinctMessages} delivered messages without a webhook after ${one(result.webhookSettleS)} s ` +
        `(outbox: ${JSON.stringify(webhookDeliveriesByState)}; ${pending} pending ${pending === delivered - webhooks.distinctMessages ? '= the missing ones: late, not lost' : '≠ the missing ones'})`,
    );
  }
  return problems;
}

const systems = [
  { key: 'kannel', name: 'Kannel 1.4.5 (sendsms, memory queue)' },
  { key: 'sqlite', name: 'Karvon SQLite, 1 process' },
  { key: 'postgres', name: 'Karvon PostgreSQL, 2 processes' },
];

async function main() {
  const postgresSkip = await postgresUnavailable(POSTGRES_URL);
  printHeader(postgresSkip);
  const results = { kannel: [], sqlite: [], postgres: [] };
  const load = { durationS, connections, window: WINDOW };
  for (let round = 1; round <= runs; round += 1) {
    results.kannel.push(
      await measured(round, systems[0].name, () => runKannelPeer({ ...load, drainTimeoutS: DRAIN_TIMEOUT_S })),
    );
    results.sqlite.push(
      await measured(round, systems[1].name, () =>
        runKarvonRound({ ...load, dialect: 'sqlite', processes: 1, drainTimeoutS: DRAIN_TIMEOUT_S }),
      ),
    );
    if (postgresSkip) continue;
    results.postgres.push(
      await measured(round, systems[2].name, () =>
        runKarvonRound({
          ...load,
          dialect: 'postgres',
          adminUrl: POSTGRES_URL,
          processes: 2,
          drainTimeoutS: DRAIN_TIMEOUT_S,
        }),
      ),
    );
  }

  const medianOf = (list, key) => median(list.map((result) => result[key]));
  console.log('');
  printTable(
    [
      { key: 'name', title: 'system' },
      { key: 'accepted', title: 'accepted/s', align: 'right' },
      { key: 'acceptedRuns', title: 'runs', align: 'right' },
      { key: 'receipts', title: 'receipts/s', align: 'right' },
      { key: 'receiptsRuns', title: 'runs', align: 'right' },
      { key: 'drain', title: 'drain s', align: 'right' },
      { key: 'webhooks', title: 'webhooks/s', align: 'right' },
      { key: 'webhooksRuns', title: 'runs', align: 'right' },
      { key: 'webhookDrain', title: 'drain s', align: 'right' },
      { key: 'errors', title: 'errors', align: 'right' },
    ],
    systems
      .filter((system) => results[system.key].length > 0)
      .map((system) => {
        const list = results[system.key];
        return {
          name: system.name,
          accepted: rate(medianOf(list, 'acceptedPerS')),
          acceptedRuns: list.map((result) => rate(result.acceptedPerS)).join(' / '),
          receipts: rate(medianOf(list, 'receiptsPerS')),
          receiptsRuns: list.map((result) => rate(result.receiptsPerS)).join(' / '),
          drain: one(medianOf(list, 'drainS')),
          // Kannel has no webhooks: its DLR callbacks are its receipts/s.
          webhooks: system.key === 'kannel' ? '—' : rate(medianOf(list, 'webhooksPerS')),
          webhooksRuns: system.key === 'kannel' ? '' : list.map((result) => rate(result.webhooksPerS)).join(' / '),
          webhookDrain: system.key === 'kannel' ? '' : one(medianOf(list, 'webhookDrainS')),
          errors: list.reduce((sum, result) => sum + result.errors, 0),
        };
      }),
  );
  console.log(
    'accepted/s, receipts/s and webhooks/s: medians of the rounds; drain s: median time from the end of the load to ' +
      "the last receipt (webhook). Kannel's receipts/s are its DLR callbacks/s.",
  );

  const ratio = (system, key, kannelKey = key) => medianOf(results[system], key) / medianOf(results.kannel, kannelKey);
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const accepted = ratio('sqlite', 'acceptedPerS');
  const receipts = ratio('sqlite', 'receiptsPerS');
  const webhooks = ratio('sqlite', 'webhooksPerS', 'receiptsPerS');
  console.log('\nTargets (Karvon SQLite / Kannel, medians of this run):');
  console.log(
    `  ${verdict(accepted >= TARGETS.accepted)} accepted ≥ ${TARGETS.accepted}× Kannel's: ${accepted.toFixed(2)}×`,
  );
  console.log(
    `  ${verdict(receipts >= TARGETS.receipts)} receipts processed ≥ ${TARGETS.receipts}× Kannel's: ${receipts.toFixed(2)}×`,
  );
  console.log(
    `  ${verdict(webhooks >= TARGETS.webhooks)} message.delivered webhooks ≥ ${TARGETS.webhooks}× Kannel's DLR callbacks: ${webhooks.toFixed(2)}×`,
  );
  if (results.postgres.length > 0) {
    console.log(
      `  PostgreSQL (reported): accepted ${ratio('postgres', 'acceptedPerS').toFixed(2)}×, ` +
        `receipts ${ratio('postgres', 'receiptsPerS').toFixed(2)}×, ` +
        `webhooks ${ratio('postgres', 'webhooksPerS', 'receiptsPerS').toFixed(2)}× Kannel's`,
    );
  }
  console.log(
    `  per round, SQLite/Kannel accepted: ${results.sqlite.map((r, i) => (r.acceptedPerS / results.kannel[i].acceptedPerS).toFixed(2)).join(' / ')}, ` +
      `receipts: ${results.sqlite.map((r, i) => (r.receiptsPerS / results.kannel[i].receiptsPerS).toFixed(2)).join(' / ')}, ` +
      `webhooks: ${results.sqlite.map((r, i) => (r.webhooksPerS / results.kannel[i].receiptsPerS).toFixed(2)).join(' / ')}`,
  );

  // Correctness of every Karvon round, counted after its gateways and simulator stopped.
  const problems = [];
  const checks = [];
  const stages = [];
  for (const system of systems.slice(1)) {
    for (const [index, result] of results[system.key].entries()) {
      const found = problemsOf(result);
      for (const problem of found) problems.push(`round ${index + 1} ${system.name}: ${problem}`);
      const { committed, byStatus, simulator, receiptsByOutcome } = result.check;
      const label = `${index + 1} ${system.key}`;
      checks.push({
        run: label,
        accepted: formatCount(result.accepted),
        committed: formatCount(committed),
        excess: formatCount(committed - result.accepted),
        statuses: Object.entries(byStatus)
          .map(([status, count]) => `${status} ${formatCount(count)}`)
          .join(', '),
        submits: simulator ? formatCount(simulator.submits) : 'n/a',
        duplicates: simulator ? formatCount(simulator.duplicates) : 'n/a',
        settle: one(result.settleS),
        webhookIds: formatCount(result.check.webhooks.distinctIds),
        webhookDuplicates: formatCount(result.check.webhooks.duplicates),
        webhookVerified: `${formatCount(result.check.webhooks.verified - result.check.webhooks.verifyFailures)}/${formatCount(result.check.webhooks.verified)}`,
        webhookSettle: one(result.webhookSettleS),
        verdict: found.length === 0 ? 'ok' : 'PROBLEM',
      });
      const ms = (spread) => (spread.count > 0 ? `${spread.p50} / ${spread.p99}` : 'n/a');
      stages.push({
        run: label,
        duringLoad: formatCount(result.deliveredDuringLoad),
        webhooksDuringLoad: formatCount(result.webhooksDuringLoad),
        outbox: Object.entries(result.check.webhookDeliveriesByState)
          .map(([state, count]) => `${state} ${formatCount(count)}`)
          .join(', '),
        toSent: ms(result.stageTimes.acceptedToSent),
        toDelivered: ms(result.stageTimes.sentToDelivered),
        total: ms(result.stageTimes.acceptedToDelivered),
        receipts: Object.entries(receiptsByOutcome)
          .map(([outcome, count]) => `${outcome} ${formatCount(count)}`)
          .join(', '),
        slots: result.gateways.map((stats) => stats?.slots.map((slot) => slot.held).join('+') ?? '?').join(', '),
        noRoute: result.gateways.map((stats) => stats?.dispatch.waitingForRoute ?? '?').join(', '),
        cpu: cpuLine(result.cpuPercent),
      });
    }
  }
  console.log('\nChecks (Karvon, after the gateways stopped; messages other than the probes):');
  printTable(
    [
      { key: 'run', title: 'round' },
      { key: 'accepted', title: '2xx', align: 'right' },
      { key: 'committed', title: 'committed', align: 'right' },
      { key: 'excess', title: `− 2xx (≤ ${connections})`, align: 'right' },
      { key: 'statuses', title: 'by status (probes included)' },
      { key: 'submits', title: 'simulator submits', align: 'right' },
      { key: 'duplicates', title: 'duplicates', align: 'right' },
      { key: 'settle', title: 'all settled after s', align: 'right' },
      { key: 'webhookIds', title: 'webhook-ids', align: 'right' },
      { key: 'webhookDuplicates', title: 'dup ids', align: 'right' },
      { key: 'webhookVerified', title: 'signatures ok', align: 'right' },
      { key: 'webhookSettle', title: 'webhooks done after s', align: 'right' },
      { key: 'verdict', title: 'check' },
    ],
    checks,
  );
  console.log('\nWhere the time goes (Karvon; ms p50 / p99 per message, from status_history):');
  printTable(
    [
      { key: 'run', title: 'round' },
      { key: 'duringLoad', title: 'delivered during load', align: 'right' },
      { key: 'webhooksDuringLoad', title: 'webhooks during load', align: 'right' },
      { key: 'outbox', title: 'outbox at stop' },
      { key: 'toSent', title: 'accepted → sent', align: 'right' },
      { key: 'toDelivered', title: 'sent → delivered', align: 'right' },
      { key: 'total', title: 'accepted → delivered', align: 'right' },
      { key: 'receipts', title: 'receipts by outcome' },
      { key: 'slots', title: 'binds held per process' },
      { key: 'noRoute', title: 'waits for a route per process', align: 'right' },
      { key: 'cpu', title: 'CPU during the load, % of one core' },
    ],
    stages,
  );
  console.log(
    '"sent" is written when the submit_sm_resp has been recorded, "delivered" carries the time the receipt ' +
      'reached the gateway, so sent → delivered can be negative when the receipt overtakes that write.',
  );
  if (problems.length > 0) throw new Error(`check problems:\n  ${problems.join('\n  ')}`);
}

async function profile() {
  mkdirSync(profileDirectory, { recursive: true });
  console.log(`\n## Profile: Karvon SQLite delivering over SMPP (node --cpu-prof into ${profileDirectory})\n`);
  console.log(describeMachine());
  const before = new Set(readdirSync(profileDirectory));
  const result = await measured(1, `${systems[1].name} (profiled)`, () =>
    runKarvonRound({
      dialect: 'sqlite',
      processes: 1,
      durationS,
      connections,
      window: WINDOW,
      drainTimeoutS: DRAIN_TIMEOUT_S,
      nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`],
    }),
  );
  const written = readdirSync(profileDirectory).filter((name) => name.endsWith('.cpuprofile') && !before.has(name));
  if (written.length !== 1)
    throw new Error(`expected one new .cpuprofile in ${profileDirectory}, found ${written.length}`);
  const file = join(profileDirectory, written[0]);
  // Every message the process handled in its life: accepted over HTTP, claimed, submitted, receipted.
  const messages = result.check.committed + 1;
  console.log(`\nprofile: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB), ${formatCount(messages)} messages\n`);
  summariseCpuProfile(file, { top: 25, requests: messages });
  summariseInclusiveTime(file, { top: 30, units: messages });
}

try {
  if (profileDirectory) await profile();
  else await main();
} finally {
  await dropAllGatewayDatabases();
}
