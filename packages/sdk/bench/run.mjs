// Runs every bench/*.bench.mjs in turn, each in its own Node process (same flags as this one,
// so --expose-gc carries over) so one benchmark's JIT and heap state cannot colour the next.
// Each benchmark prints its own figures. Usage: `pnpm bench` or `pnpm bench -- encoding`
// to run only the files whose name contains a word.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((arg) => arg !== '--');
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.mjs${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const started = Date.now();
  const { status, signal } = spawnSync(process.execPath, [...process.execArgv, join(here, file)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    failed++;
    console.log(`# ${file} FAILED (${signal ?? `exit ${status}`}) after ${seconds} s`);
  } else {
    console.log(`# ${file} done in ${seconds} s`);
  }
}
process.exit(failed === 0 ? 0 : 1);
