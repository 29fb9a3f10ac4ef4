import { formatCount, formatMs } from './print-table.mjs';

function percent(value) {
  return value === undefined ? 'n/a' : `${Math.round(value)}%`;
}

function micros(value) {
  return value === undefined ? 'n/a' : value.toFixed(0);
}

/** The progress line printed after each run. */
export function formatRun(name, run, round) {
  return (
    `  round ${round + 1} ${name}: ${formatCount(run.requestsPerSecond)} req/s, p50 ${formatMs(run.p50)} ms, ` +
    `p99 ${formatMs(run.p99)} ms, ${micros(run.serverMicrosPerRequest)} µs CPU/req, CPU server ${percent(run.serverCpuPercent)} / autocannon ` +
    `${percent(run.clientCpuPercent)} / other ${percent(run.otherCpuPercent)}`
  );
}

/** The common columns of a result row (see RESULT_COLUMNS). */
export function resultCells(result) {
  return {
    rps: formatCount(result.requestsPerSecond),
    p50: formatMs(result.p50),
    p99: formatMs(result.p99),
    runs: result.runs.map((run) => formatCount(run.requestsPerSecond)).join(' / '),
    cost: micros(result.serverMicrosPerRequest),
    cpu: `${percent(result.serverCpuPercent)} / ${percent(result.clientCpuPercent)} / ${percent(result.otherCpuPercent)}`,
    bad: `${result.non2xx} / ${result.errors}`,
    // More than half a core of other work: req/s and latency are not this server's alone.
    disturbed: result.otherCpuPercent !== undefined && result.otherCpuPercent > 50 ? 'busy' : '',
  };
}

export const RESULT_COLUMNS = [
  { key: 'rps', title: 'req/s', align: 'right' },
  { key: 'p50', title: 'p50 ms', align: 'right' },
  { key: 'p99', title: 'p99 ms', align: 'right' },
  { key: 'runs', title: 'runs req/s', align: 'right' },
  { key: 'cost', title: 'server µs CPU/req', align: 'right' },
  { key: 'cpu', title: 'CPU server / autocannon / other', align: 'right' },
  { key: 'bad', title: 'non-2xx / errors', align: 'right' },
  { key: 'disturbed', title: 'machine' },
];

export const CPU_NOTE = [
  'CPU: percent of one core during each run (median); "other" is the rest of the machine (builds, tests), which disturbs req/s when high ("busy": over 50%).',
  'server µs CPU/req: server CPU time per answered request (median of the runs); compare costs with it when "other" is high.',
].join('\n');
