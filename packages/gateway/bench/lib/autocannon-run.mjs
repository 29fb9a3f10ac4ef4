import autocannon from 'autocannon';
import { median } from './median.mjs';
import { machineBusySeconds, waitForQuietMachine } from './system-cpu.mjs';

/**
 * One autocannon run against `url` (POST with a JSON body by default).
 * `setupRequest` (optional) rewrites every request before it is sent, e.g. a
 * fresh Idempotency-Key each time as the SDK does; `overallRate` (optional)
 * caps the requests per second across all connections.
 * Resolves with the figures we report; latencies in milliseconds.
 */
export async function runAutocannon({
  url,
  method = 'POST',
  body,
  headers = { 'content-type': 'application/json' },
  connections,
  pipelining,
  durationSeconds,
  setupRequest,
  overallRate,
}) {
  const result = await autocannon({
    url,
    method,
    body,
    headers,
    connections,
    pipelining,
    duration: durationSeconds,
    ...(setupRequest ? { requests: [{ method, body, headers, setupRequest }] } : {}),
    ...(overallRate ? { overallRate } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // { "200": n, "429": n, ... }: says what went wrong when non2xx > 0.
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
    ),
  };
}

/**
 * One run plus how busy the server, the load generator and the rest of the
 * machine were during it (percent of one core), so a reader can tell which
 * side was the bottleneck and whether other work disturbed the run.
 */
export async function runWithCpu(load, serverCpuSeconds) {
  const serverBefore = serverCpuSeconds?.();
  const machineBefore = machineBusySeconds();
  const clientBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const run = await runAutocannon(load);
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = serverCpuSeconds?.();
  const machineAfter = machineBusySeconds();
  const clientSeconds = (client.user + client.system) / 1e6;
  run.clientCpuPercent = (clientSeconds / wallSeconds) * 100;
  run.serverCpuPercent =
    serverBefore === undefined || serverAfter === undefined
      ? undefined
      : ((serverAfter - serverBefore) / wallSeconds) * 100;
  run.otherCpuPercent =
    run.serverCpuPercent === undefined || machineBefore === undefined || machineAfter === undefined
      ? undefined
      : Math.max(0, ((machineAfter - machineBefore - clientSeconds) / wallSeconds) * 100 - run.serverCpuPercent);
  // Server CPU time per answered request: the cost of the code under test,
  // much less sensitive to other load on the machine than req/s.
  run.serverMicrosPerRequest =
    run.serverCpuPercent === undefined || run.requestsPerSecond === 0
      ? undefined
      : (run.serverCpuPercent / 100 / run.requestsPerSecond) * 1e6;
  return run;
}

function summarise(warmup, runs) {
  const pick = (key) => median(runs.map((run) => run[key]));
  const pickOptional = (key) => (runs.every((run) => run[key] !== undefined) ? pick(key) : undefined);
  return {
    warmup,
    runs,
    requestsPerSecond: pick('requestsPerSecond'),
    p50: pick('p50'),
    p99: pick('p99'),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    serverCpuPercent: pickOptional('serverCpuPercent'),
    clientCpuPercent: pick('clientCpuPercent'),
    otherCpuPercent: pickOptional('otherCpuPercent'),
    serverMicrosPerRequest: pickOptional('serverMicrosPerRequest'),
  };
}

/**
 * The standard measurement for several servers that are all running: one
 * warm-up run each (discarded: lets V8 optimise and SQLite's WAL grow), then
 * `settings.runs` rounds in which every server gets one run in turn. Taking
 * turns spreads any background load (a build, a test run on a shared
 * machine) over all servers instead of penalising whichever ran during it.
 * Each result holds the median of every figure across its runs.
 *
 * @param {Array<{ url: string, body?: string, method?: string, headers?: Record<string,string>,
 *   setupRequest?: (request: object) => object, serverCpuSeconds?: () => number | undefined }>} targets
 * @param {{ connections: number, pipelining: number, durationSeconds: number, warmupSeconds: number,
 *   runs: number, quietWaitSeconds: number }} settings
 * @param {(target: object, run: object, round: number) => void} [onRun]
 */
export async function measureInTurns(targets, settings, onRun) {
  const loadOf = (target, durationSeconds) => ({
    url: target.url,
    body: target.body,
    method: target.method,
    headers: target.headers,
    setupRequest: target.setupRequest,
    connections: settings.connections,
    pipelining: settings.pipelining,
    durationSeconds,
  });
  const warmups = [];
  for (const target of targets) warmups.push(await runAutocannon(loadOf(target, settings.warmupSeconds)));

  const runs = targets.map(() => []);
  for (let round = 0; round < settings.runs; round += 1) {
    for (const [index, target] of targets.entries()) {
      await waitForQuietMachine({ timeoutMs: settings.quietWaitSeconds * 1000 });
      const run = await runWithCpu(loadOf(target, settings.durationSeconds), target.serverCpuSeconds);
      runs[index].push(run);
      onRun?.(target, run, round);
    }
  }
  return targets.map((_, index) => summarise(warmups[index], runs[index]));
}
