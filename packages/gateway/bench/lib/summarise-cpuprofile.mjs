// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and
// per package, with bundled code mapped back to its source file through the
// .map beside it (dist/chunk-*.js → src/messages/accept-messages.ts).
// Usable on its own: `node bench/lib/summarise-cpuprofile.mjs <file> [requests]`.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printTable } from './print-table.mjs';

// Packages reported under the name a reader knows them by.
const GROUPS = [
  [
    'fastify',
    /^(fastify|@fastify\/.*|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse|fast-querystring|toad-cache|process-warning|abstract-logging|rfdc|fast-decode-uri-component|ret|safe-regex2|json-schema-ref-resolver|ajv|fast-uri|content-type|proxy-addr|forwarded|ipaddr\.js|semver)$/,
  ],
  [
    'pino',
    /^(pino|pino-std-serializers|sonic-boom|fast-redact|@pinojs\/.*|thread-stream|on-exit-leak-free|atomic-sleep|quick-format-unescaped|safe-stable-stringify|fast-safe-stringify)$/,
  ],
  ['zod', /^zod$/],
  ['libphonenumber-js', /^libphonenumber-js$/],
  ['pg', /^(pg|pg-.*|postgres-.*)$/],
];

// Native functions of node:sqlite (url-less frames): the names of the
// DatabaseSync/StatementSync methods. A blocking COMMIT's fsync is sampled
// here too: this is wall time on the main thread, not only CPU.
const SQLITE_NATIVE = new Set(['exec', 'run', 'get', 'all', 'prepare', 'iterate', 'DatabaseSync', 'StatementSync']);

const maps = new Map();
function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map;
  try {
    const path = fileURLToPath(url);
    const mapPath = `${path}.map`;
    if (existsSync(mapPath)) {
      const payload = JSON.parse(readFileSync(mapPath, 'utf8'));
      map = { map: new SourceMap(payload), directory: dirname(mapPath) };
    }
  } catch {
    map = undefined;
  }
  maps.set(url, map);
  return map;
}

function packageOf(path) {
  const at = path.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const [first, second] = path.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

/** Where a frame belongs: { group, file } with file relative to the repo when it is ours. */
export function locate(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (url === '') {
    if (functionName.startsWith('(')) return { group: functionName, file: '' };
    if (SQLITE_NATIVE.has(functionName)) return { group: 'node:sqlite (native)', file: '' };
    return { group: 'native (other)', file: '' };
  }
  if (url.startsWith('node:')) return { group: 'node internals', file: url };
  let file = url.startsWith('file:') ? fileURLToPath(url) : url;
  let line = lineNumber + 1;
  const mapped = url.startsWith('file:') ? sourceMapFor(url) : undefined;
  if (mapped) {
    const entry = mapped.map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.startsWith('file:')
        ? fileURLToPath(entry.originalSource)
        : resolve(mapped.directory, entry.originalSource);
      file = source;
      line = entry.originalLine + 1;
    }
  }
  const pkg = packageOf(file);
  const relative = file.startsWith(`${ROOT}/`) ? file.slice(ROOT.length + 1) : file;
  if (pkg) {
    const group = GROUPS.find(([, pattern]) => pattern.test(pkg))?.[0] ?? pkg;
    return { group, file: `${pkg}/${file.slice(file.lastIndexOf(`/${pkg}/`) + pkg.length + 2)}`, line };
  }
  const ours = relative.match(/^packages\/([^/]+)\/(src|bench)\//);
  if (ours) return { group: ours[1] === 'gateway' ? 'gateway src' : `@karvon/${ours[1]}`, file: relative, line };
  return { group: 'other', file: relative, line };
}

/**
 * Self time per node, from the sample stream: each sample lasts until the
 * next one (timeDeltas[i + 1]), the last one the mean interval.
 */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, { node, micros: 0 }]));
  const { samples, timeDeltas } = profile;
  const total = profile.endTime - profile.startTime;
  const mean = samples.length > 0 ? total / samples.length : 0;
  for (let index = 0; index < samples.length; index += 1) {
    const entry = byId.get(samples[index]);
    if (entry) entry.micros += index + 1 < timeDeltas.length ? Math.max(0, timeDeltas[index + 1]) : mean;
  }
  return { entries: [...byId.values()], total };
}

/**
 * Prints three tables: self time per group (package), per source file of
 * ours, and the top functions. `requests` (optional) adds µs per request.
 * Returns the figures for callers that want to write them elsewhere.
 */
export function summariseCpuProfile(file, { top = 25, requests, write } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const { entries, total } = selfTimes(profile);
  const idle = entries.filter((e) => e.node.callFrame.functionName === '(idle)').reduce((s, e) => s + e.micros, 0);
  const busy = total - idle;

  const groups = new Map();
  const files = new Map();
  const functions = new Map();
  for (const { node, micros } of entries) {
    if (micros === 0) continue;
    const where = locate(node.callFrame);
    groups.set(where.group, (groups.get(where.group) ?? 0) + micros);
    if (where.group === 'gateway src' || where.group.startsWith('@karvon/')) {
      files.set(where.file, (files.get(where.file) ?? 0) + micros);
    }
    const name = node.callFrame.functionName || '(anonymous)';
    const key = `${name} ${where.file}${where.line ? `:${where.line}` : ''}`;
    const current = functions.get(key) ?? {
      name,
      where: `${where.file}${where.line ? `:${where.line}` : ''}`,
      group: where.group,
      micros: 0,
    };
    current.micros += micros;
    functions.set(key, current);
  }

  const share = (micros) => `${((micros / busy) * 100).toFixed(1)}%`;
  const perRequest = (micros) => (requests ? (micros / requests).toFixed(1) : '');
  const ms = (micros) => (micros / 1000).toFixed(0);
  const columns = (first) => [
    first,
    { key: 'ms', title: 'self ms', align: 'right' },
    { key: 'share', title: '% of busy', align: 'right' },
    ...(requests ? [{ key: 'perRequest', title: 'µs/request', align: 'right' }] : []),
  ];
  const rowOf = (micros) => ({ ms: ms(micros), share: share(micros), perRequest: perRequest(micros) });
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);

  const out = write ?? ((line) => process.stdout.write(`${line}\n`));
  out(
    `profile ${(total / 1e6).toFixed(1)} s, busy (not idle) ${(busy / 1e6).toFixed(1)} s` +
      (requests
        ? `, ${requests.toLocaleString('en-US')} requests answered: ${(busy / requests).toFixed(0)} µs busy per request`
        : ''),
  );
  out('\nBy package (self time):');
  printTable(
    columns({ key: 'group', title: 'package' }),
    sorted(groups)
      .filter(([group]) => group !== '(idle)')
      .map(([group, micros]) => ({ group, ...rowOf(micros) })),
    out,
  );
  out('\nOur source files (self time):');
  printTable(
    columns({ key: 'file', title: 'file' }),
    sorted(files).map(([name, micros]) => ({ file: name, ...rowOf(micros) })),
    out,
  );
  out(`\nTop ${top} functions (self time):`);
  const topFunctions = [...functions.values()]
    .filter((entry) => entry.name !== '(idle)')
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top);
  printTable(
    [
      { key: 'name', title: 'function' },
      { key: 'where', title: 'file:line' },
      { key: 'group', title: 'package' },
      ...columns({}).slice(1),
    ],
    topFunctions.map((entry) => ({ ...entry, ...rowOf(entry.micros) })),
    out,
  );
  out(
    '\n% of busy: share of the non-idle samples. node:sqlite (native) includes the blocking COMMIT (fsync wait), ' +
      '(program) is V8/native work without a JS frame, (garbage collector) is GC.',
  );
  return { total, busy, groups, files, functions: topFunctions };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, requests] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/lib/summarise-cpuprofile.mjs <file.cpuprofile> [requests]');
    process.exit(1);
  }
  summariseCpuProfile(file, { requests: requests ? Number(requests) : undefined });
}
