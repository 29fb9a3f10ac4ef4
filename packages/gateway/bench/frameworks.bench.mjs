// Which HTTP framework for the gateway: the same POST /send handler on bare
// node:http, Fastify 5 (hand checks, and JSON schema + response schema) and
// Hono 4 on @hono/node-server (with and without its body-limit middleware).
// Each server runs in its own child process; autocannon runs here and loads
// one server at a time.
import { fileURLToPath } from 'node:url';
import { measureInTurns } from './lib/autocannon-run.mjs';
import { printBenchHeader } from './lib/bench-header.mjs';
import { readBenchSettings } from './lib/bench-settings.mjs';
import { startChildServer } from './lib/child-server.mjs';
import { CPU_NOTE, formatRun, RESULT_COLUMNS, resultCells } from './lib/format-run.mjs';
import { printTable } from './lib/print-table.mjs';
import { oversizedSendBody, probe } from './lib/probe.mjs';
import { BODY_LIMIT_BYTES, SEND_BODY, SEND_PATH } from './lib/send-request.mjs';

const servers = [
  { name: 'node:http (bare)', script: 'servers/node-http.mjs', args: [] },
  { name: 'fastify 5, hand checks', script: 'servers/fastify.mjs', args: [] },
  { name: 'fastify 5, JSON schema in+out', script: 'servers/fastify.mjs', args: ['--schema'] },
  { name: 'hono 4 + node-server', script: 'servers/hono.mjs', args: [] },
  { name: 'hono 4 + node-server + bodyLimit', script: 'servers/hono.mjs', args: ['--body-limit'] },
];

const settings = readBenchSettings();
printBenchHeader('HTTP frameworks: POST /send, ~300-byte JSON in, ~220-byte JSON out', settings);

const started = [];
try {
  const targets = [];
  for (const { name, script, args } of servers) {
    const server = await startChildServer(fileURLToPath(new URL(script, import.meta.url)), { args });
    started.push(server);
    const url = `${server.url}${SEND_PATH}`;
    const accepted = await probe(url, { body: SEND_BODY });
    if (accepted.status !== 200 || typeof accepted.json?.id !== 'string') {
      throw new Error(`${name}: POST /send answered ${accepted.status}, expected 200 with an id`);
    }
    const oversized = await probe(url, { body: oversizedSendBody(BODY_LIMIT_BYTES) });
    console.log(`${name}: pid ${server.pid}, port ${server.port}`);
    targets.push({ name, url, body: SEND_BODY, serverCpuSeconds: server.cpuSeconds, oversized: oversized.status });
  }

  const results = await measureInTurns(targets, settings, (target, run, round) =>
    console.log(formatRun(target.name, run, round)),
  );

  const baseline = results[0]?.requestsPerSecond ?? Number.NaN;
  const rows = targets.map((target, index) => ({
    name: target.name,
    ...resultCells(results[index]),
    relative: `${((results[index].requestsPerSecond / baseline) * 100).toFixed(0)}%`,
    oversized: String(target.oversized),
  }));

  console.log('');
  printTable(
    [
      { key: 'name', title: 'server' },
      ...RESULT_COLUMNS.slice(0, 1),
      { key: 'relative', title: 'vs bare', align: 'right' },
      ...RESULT_COLUMNS.slice(1),
      { key: 'oversized', title: '1 MiB+1 body', align: 'right' },
    ],
    rows,
  );
  console.log(`\n${CPU_NOTE}\n"1 MiB+1 body": the status each server answers for a body over the 1 MiB limit.`);
} finally {
  for (const server of started) await server.stop();
}
