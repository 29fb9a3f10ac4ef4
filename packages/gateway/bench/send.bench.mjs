// The real gateway under load (issue 4, "Tests and figures"): the BUILT
// gateway (dist/, `pnpm --filter @karvon/gateway build` first) in a child
// process on SQLite and on PostgreSQL, `POST /send` with a fresh
// Idempotency-Key per request as the SDK sends it, single sends and batches
// of 100, and the two floors of floors.bench.mjs in the same rounds so the
// ratios come from one run. Then each gateway row again at half its maximum
// rate for the p99 target, and a durability check: every 2xx × recipients
// must be a committed message.
//
// BENCH_PROFILE_DIR=<dir>: instead, profile the SQLite gateway under single
// sends (node --cpu-prof) and print where the time goes.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInTurns, runAutocannon, runWithCpu } from './lib/autocannon-run.mjs';
import { printBenchHeader } from './lib/bench-header.mjs';
import { readBenchSettings } from './lib/bench-settings.mjs';
import { startChildServer } from './lib/child-server.mjs';
import { CPU_NOTE, formatRun, RESULT_COLUMNS, resultCells } from './lib/format-run.mjs';
import { createGatewayDatabase, dropAllGatewayDatabases, postgresUnavailable } from './lib/gateway-database.mjs';
import { formatCount, formatMs, printTable } from './lib/print-table.mjs';
import { probe } from './lib/probe.mjs';
import { SEND_BODY, SEND_PATH } from './lib/send-request.mjs';
import { summariseCpuProfile } from './lib/summarise-cpuprofile.mjs';
import { waitForQuietMachine } from './lib/system-cpu.mjs';

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const GATEWAY = fileURLToPath(new URL('servers/gateway.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('servers/floor-sqlite.mjs', import.meta.url));
const POSTGRES_URL = process.env.KARVON_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH_SIZE = 100;
const TARGETS = { single: 10_000, batchMessages: 50_000, halfRateP99: 25 };

// A batch of 100 distinct Uzbek mobile numbers (+998 90 1xx xx xx), same
// text and type as the single send so only the batching differs.
const single = JSON.parse(SEND_BODY);
const BATCH_BODY = JSON.stringify({
  from: single.from,
  body: single.body,
  type: single.type,
  validityPeriod: single.validityPeriod,
  messages: Array.from({ length: BATCH_SIZE }, (_, index) => ({
    to: `+99890${String(1_000_000 + index).padStart(7, '0')}`,
    clientReference: `batch-${index}`,
  })),
});

/** Every request gets its own Idempotency-Key, as @karvon/sdk sends on every POST. */
function withFreshIdempotencyKey(request) {
  return { ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } };
}

function headersFor(key) {
  return { 'content-type': 'application/json', authorization: `Bearer ${key}` };
}

const settings = readBenchSettings();
const profileDirectory = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;

if (!existsSync(DIST)) {
  console.error('dist/ is missing: run `pnpm --filter @karvon/gateway build` first');
  process.exit(1);
}

const servers = [];
const databases = [];
// On SIGINT or an uncaught error, child-server.mjs kills the children and
// gateway-database.mjs removes the databases (synchronously, on exit).

async function startGateway(dialect, nodeOptions = []) {
  const database = await createGatewayDatabase(
    dialect === 'sqlite' ? { dialect } : { dialect, adminUrl: POSTGRES_URL },
  );
  databases.push(database);
  const server = await startChildServer(GATEWAY, {
    env: { ...database.env, KARVON_LOG_LEVEL: process.env.KARVON_LOG_LEVEL ?? 'info' },
    nodeOptions,
    startTimeoutMs: 30_000,
  });
  servers.push(server);
  return { database, server, headers: headersFor(database.key) };
}

async function expectAccepted(name, url, body, headers, recipients) {
  const answer = await probe(url, { body, headers: withFreshIdempotencyKey({ headers }).headers });
  // The answer lists every recipient; all must be accepted (a rejection is a setup error).
  if (answer.status !== 200 || answer.json?.accepted !== recipients) {
    throw new Error(`${name}: POST /send answered ${answer.status} ${JSON.stringify(answer.json).slice(0, 400)}`);
  }
}

async function profile() {
  mkdirSync(profileDirectory, { recursive: true });
  printBenchHeader(
    `Profile: the SQLite gateway under single sends (node --cpu-prof into ${profileDirectory})`,
    settings,
  );
  const before = new Set(readdirSync(profileDirectory));
  const gateway = await startGateway('sqlite', ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`]);
  const url = `${gateway.server.url}${SEND_PATH}`;
  await expectAccepted('profile', url, SEND_BODY, gateway.headers, 1);
  const load = {
    url,
    body: SEND_BODY,
    headers: gateway.headers,
    setupRequest: withFreshIdempotencyKey,
    connections: settings.connections,
    pipelining: settings.pipelining,
  };
  const warmup = await runAutocannon({ ...load, durationSeconds: settings.warmupSeconds });
  const run = await runWithCpu({ ...load, durationSeconds: settings.durationSeconds }, gateway.server.cpuSeconds);
  console.log(formatRun('gateway SQLite single (profiled)', run, 0));
  await gateway.server.stop();
  const written = readdirSync(profileDirectory).filter((name) => name.endsWith('.cpuprofile') && !before.has(name));
  if (written.length !== 1)
    throw new Error(`expected one new .cpuprofile in ${profileDirectory}, found ${written.length}`);
  const file = join(profileDirectory, written[0]);
  console.log(`\nprofile: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)\n`);
  // Requests the process answered in its life: probe, warm-up, measured run.
  summariseCpuProfile(file, { top: 25, requests: 1 + warmup.total + run.total });
}

async function measure() {
  printBenchHeader('The real gateway: POST /send on SQLite and PostgreSQL, beside the floors', settings);
  const postgresSkip = await postgresUnavailable(POSTGRES_URL);
  const dialects = postgresSkip ? ['sqlite'] : ['sqlite', 'postgres'];
  if (postgresSkip) console.log(`PostgreSQL rows skipped: ${postgresSkip}`);

  const targets = [];
  for (const dialect of dialects) {
    const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const gateway = await startGateway(dialect);
    const url = `${gateway.server.url}${SEND_PATH}`;
    console.log(`gateway ${label}: pid ${gateway.server.pid}, port ${gateway.server.port}`);
    for (const [kind, body, recipients] of [
      ['single', SEND_BODY, 1],
      [`batch of ${BATCH_SIZE}`, BATCH_BODY, BATCH_SIZE],
    ]) {
      const name = `gateway ${label}, ${kind}`;
      await expectAccepted(name, url, body, gateway.headers, recipients);
      targets.push({
        name,
        dialect,
        kind,
        recipients,
        gateway,
        url,
        body,
        headers: gateway.headers,
        setupRequest: withFreshIdempotencyKey,
        serverCpuSeconds: gateway.server.cpuSeconds,
        probes: 1,
      });
    }
  }
  for (const [name, args] of [
    ['floor: node:http + SQLite group commit', []],
    ['floor: same + parsePhoneNumber (mobile)', ['--phone']],
  ]) {
    const server = await startChildServer(FLOOR, { args });
    servers.push(server);
    const url = `${server.url}${SEND_PATH}`;
    const answer = await probe(url, { body: SEND_BODY });
    if (answer.status !== 200) throw new Error(`${name}: answered ${answer.status}`);
    targets.push({
      name,
      recipients: 1,
      floor: server,
      url,
      body: SEND_BODY,
      serverCpuSeconds: server.cpuSeconds,
      probes: 1,
    });
  }

  const results = await measureInTurns(targets, settings, (target, run, round) => {
    console.log(formatRun(target.name, run, round));
    if (run.non2xx > 0) console.log(`    non-2xx statuses: ${JSON.stringify(run.statusCodes)}`);
  });

  // p99 at half the maximum rate (the median req/s just measured), each gateway row once.
  console.log('');
  for (const [index, target] of targets.entries()) {
    if (!target.gateway) continue;
    const rate = Math.max(1, Math.round(results[index].requestsPerSecond / 2));
    await waitForQuietMachine({ timeoutMs: settings.quietWaitSeconds * 1000 });
    const run = await runWithCpu(
      {
        url: target.url,
        body: target.body,
        headers: target.headers,
        setupRequest: target.setupRequest,
        connections: settings.connections,
        pipelining: settings.pipelining,
        durationSeconds: settings.durationSeconds,
        overallRate: rate,
      },
      target.serverCpuSeconds,
    );
    results[index].halfRate = { rate, run };
    console.log(formatRun(`${target.name} at ${formatCount(rate)} req/s`, run, 0));
  }

  // Stop everything, then count what is on disk.
  const floorStats = new Map();
  for (const server of servers) floorStats.set(server, await server.stop());
  const committed = new Map();
  for (const database of databases) committed.set(database, await database.countMessages());

  const rows = [];
  const problems = [];
  for (const [index, target] of targets.entries()) {
    const result = results[index];
    const allRuns = [result.warmup, ...result.runs, ...(result.halfRate ? [result.halfRate.run] : [])];
    const non2xx = allRuns.reduce((sum, run) => sum + run.non2xx, 0);
    const statuses = {};
    for (const run of allRuns) {
      for (const [code, count] of Object.entries(run.statusCodes ?? {})) statuses[code] = (statuses[code] ?? 0) + count;
    }
    if (non2xx > 0) problems.push(`${target.name}: ${non2xx} non-2xx answers ${JSON.stringify(statuses)}`);
    rows.push({
      name: target.name,
      ...resultCells(result),
      messages: formatCount(result.requestsPerSecond * target.recipients),
      half: result.halfRate
        ? `${formatCount(result.halfRate.run.requestsPerSecond)} / ${formatMs(result.halfRate.run.p50)} / ${formatMs(result.halfRate.run.p99)}`
        : '',
    });
    target.answered = target.probes + allRuns.reduce((sum, run) => sum + run.ok, 0);
  }

  console.log('');
  printTable(
    [
      { key: 'name', title: 'server' },
      ...RESULT_COLUMNS,
      { key: 'messages', title: 'messages/s', align: 'right' },
      { key: 'half', title: 'half rate: req/s / p50 / p99', align: 'right' },
    ],
    rows,
  );
  console.log(
    `\n${CPU_NOTE}\nmessages/s = req/s × recipients per request. half rate: one run at half the median req/s (autocannon overallRate). ` +
      'On PostgreSQL "other" includes the postgres server processes.',
  );

  // Durability: every 2xx × recipients is a committed message. Requests still
  // in flight when a run ended may have committed without being counted, never
  // the reverse, so committed ≥ answered and the excess is bounded.
  console.log('\nDurability (messages committed vs 2xx answers × recipients, gateway stopped first):');
  const durability = [];
  for (const database of databases) {
    const own = targets.filter((target) => target.gateway?.database === database);
    const answered = own.reduce((sum, target) => sum + target.answered * target.recipients, 0);
    const runCount = own.length * (2 + settings.runs);
    const maxInFlight = own.reduce(
      (sum, target) => sum + (2 + settings.runs) * settings.connections * target.recipients,
      0,
    );
    const rowsOnDisk = committed.get(database);
    const excess = rowsOnDisk - answered;
    const ok = excess >= 0 && excess <= maxInFlight;
    if (!ok) problems.push(`${database.dialect}: ${rowsOnDisk} messages committed for ${answered} answered`);
    durability.push({
      db: database.dialect,
      answered: formatCount(answered),
      committed: formatCount(rowsOnDisk),
      excess: `${formatCount(excess)} (≤ ${formatCount(maxInFlight)} in flight at ${runCount} run ends)`,
      verdict: ok ? 'ok' : 'LOST',
    });
  }
  for (const [server, stats] of floorStats) {
    const target = targets.find((candidate) => candidate.floor === server);
    if (!target || !stats) continue;
    const ok = stats.rowsInTable >= target.answered;
    if (!ok) problems.push(`${target.name}: ${stats.rowsInTable} rows for ${target.answered} answered`);
    durability.push({
      db: target.name,
      answered: formatCount(target.answered),
      committed: formatCount(stats.rowsInTable),
      excess: formatCount(stats.rowsInTable - target.answered),
      verdict: ok ? 'ok' : 'LOST',
    });
  }
  printTable(
    [
      { key: 'db', title: 'database' },
      { key: 'answered', title: '2xx × recipients', align: 'right' },
      { key: 'committed', title: 'messages committed', align: 'right' },
      { key: 'excess', title: 'committed − answered', align: 'right' },
      { key: 'verdict', title: 'check' },
    ],
    durability,
  );

  const find = (dialect, kind) => results[targets.findIndex((t) => t.dialect === dialect && t.kind === kind)];
  const sqliteSingle = find('sqlite', 'single');
  const sqliteBatch = find('sqlite', `batch of ${BATCH_SIZE}`);
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  console.log('\nTargets (SQLite, issue 4):');
  console.log(
    `  ${verdict(sqliteSingle.requestsPerSecond >= TARGETS.single)} single sends ≥ ${formatCount(TARGETS.single)}/s: ${formatCount(sqliteSingle.requestsPerSecond)}/s`,
  );
  console.log(
    `  ${verdict(sqliteBatch.requestsPerSecond * BATCH_SIZE >= TARGETS.batchMessages)} batches ≥ ${formatCount(TARGETS.batchMessages)} messages/s: ${formatCount(sqliteBatch.requestsPerSecond * BATCH_SIZE)}/s`,
  );
  for (const [label, result] of [
    ['single', sqliteSingle],
    ['batch', sqliteBatch],
  ]) {
    const p99 = result.halfRate.run.p99;
    console.log(
      `  ${verdict(p99 < TARGETS.halfRateP99)} p99 < ${TARGETS.halfRateP99} ms at half max (${label}, ${formatCount(result.halfRate.rate)} req/s): ${formatMs(p99)} ms`,
    );
  }
  if (problems.length > 0) throw new Error(`setup or durability problems:\n  ${problems.join('\n  ')}`);
}

try {
  if (profileDirectory) await profile();
  else await measure();
} finally {
  for (const server of servers) await server.stop().catch(() => {});
  await dropAllGatewayDatabases();
}
