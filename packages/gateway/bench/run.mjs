// `pnpm bench`: runs every bench/*.bench.mjs in name order, one at a time, each
// in its own process so one benchmark's servers and JIT state never leak into
// the next. `node bench/run.mjs floors send` runs only the files whose names
// contain one of the words. Exits non-zero if any benchmark failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.mjs matches ${JSON.stringify(filters)}`);
  process.exit(1);
}

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The benchmark kills its own servers on the way out.
    current?.kill(signal);
    process.exit(130);
  });
}

const failed = [];
const started = performance.now();
for (const file of files) {
  const began = performance.now();
  current = spawn(process.execPath, [fileURLToPath(new URL(file, import.meta.url))], { stdio: 'inherit' });
  const code = await new Promise((resolve) => current.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
  current = undefined;
  const seconds = ((performance.now() - began) / 1000).toFixed(0);
  console.log(`\n${file}: ${code === 0 ? 'done' : `FAILED (${code})`} in ${seconds} s`);
  if (code !== 0) failed.push(file);
}

const total = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\n${files.length - failed.length}/${files.length} benchmarks finished in ${total} s`);
if (failed.length > 0) process.exit(1);
