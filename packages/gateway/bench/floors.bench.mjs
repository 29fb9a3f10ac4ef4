// The floors the gateway is measured against (issue 4): bare node:http that
// makes one SQLite row durable per request with group commit, without and
// with libphonenumber-js mobile validation. Whatever the real gateway adds on
// top of these (framework, auth, idempotency, money) is the gap to explain.
import { fileURLToPath } from 'node:url';
import { measureInTurns } from './lib/autocannon-run.mjs';
import { printBenchHeader } from './lib/bench-header.mjs';
import { readBenchSettings } from './lib/bench-settings.mjs';
import { startChildServer } from './lib/child-server.mjs';
import { CPU_NOTE, formatRun, RESULT_COLUMNS, resultCells } from './lib/format-run.mjs';
import { printTable } from './lib/print-table.mjs';
import { probe } from './lib/probe.mjs';
import { SEND_BODY, SEND_PATH } from './lib/send-request.mjs';

const floors = [
  { name: 'node:http + SQLite group commit', args: [], expected: '≈ 39,000' },
  { name: 'same + parsePhoneNumber (mobile)', args: ['--phone'], expected: '≈ 23,000' },
];

const settings = readBenchSettings();
printBenchHeader('Floors: POST /send made durable in SQLite (WAL, synchronous=FULL, group commit)', settings);

const script = fileURLToPath(new URL('servers/floor-sqlite.mjs', import.meta.url));
const started = [];
let results;
try {
  const targets = [];
  for (const { name, args } of floors) {
    // Each floor has its own temp database file.
    const server = await startChildServer(script, { args });
    started.push(server);
    const url = `${server.url}${SEND_PATH}`;
    const accepted = await probe(url, { body: SEND_BODY });
    if (accepted.status !== 200 || typeof accepted.json?.id !== 'string') {
      throw new Error(`${name}: POST /send answered ${accepted.status}, expected 200 with an id`);
    }
    console.log(`${name}: pid ${server.pid}, port ${server.port}`);
    targets.push({ name, url, body: SEND_BODY, serverCpuSeconds: server.cpuSeconds });
  }
  results = await measureInTurns(targets, settings, (target, run, round) =>
    console.log(formatRun(target.name, run, round)),
  );
} finally {
  // stop() returns the child's own count of commits and rows.
  for (const server of started) server.stats = await server.stop();
}

const rows = floors.map(({ name, expected }, index) => {
  const result = results[index];
  const stats = started[index].stats;
  // Every 2xx autocannon counted must be a committed row (requests in flight
  // when a run ends may add rows nobody counted, never the reverse).
  const answered = 1 + result.warmup.ok + result.runs.reduce((sum, run) => sum + run.ok, 0);
  if (stats === undefined || stats.rowsInTable < answered) {
    throw new Error(`${name}: ${answered} requests answered 2xx but only ${stats?.rowsInTable} rows committed`);
  }
  return {
    name,
    ...resultCells(result),
    group: (stats.rows / stats.commits).toFixed(1),
    largest: String(stats.largestGroup),
    expected,
  };
});

console.log('');
printTable(
  [
    { key: 'name', title: 'floor' },
    ...RESULT_COLUMNS,
    { key: 'group', title: 'rows/commit', align: 'right' },
    { key: 'largest', title: 'max group', align: 'right' },
    { key: 'expected', title: 'issue says', align: 'right' },
  ],
  rows,
);
console.log(
  `\n${CPU_NOTE}\nrows/commit: mean group size over warm-up and runs; every 2xx was checked against the committed rows.`,
);
