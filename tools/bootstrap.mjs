#!/usr/bin/env node
// The one entry point behind `npm start` and `npm test`.
//
// It must run on the oldest Node a user may have (20, with plain npm), so it is
// plain JavaScript with no dependencies. It makes sure the toolchain the project
// is built for is present, then hands over:
//   1. Node: when the running Node is older than 22.13 (`node:sqlite` unflagged),
//      the exact version in `.node-version` comes from the npm registry's `node`
//      package, installed with `npm install --prefix .tools` (pnpm would block or
//      prune that package's install script).
//   2. pnpm: the exact version in `packageManager`, the same way.
//   3. `.tools/node_modules/.bin` goes first on the PATH of every child process.
//   4. `pnpm install --frozen-lockfile`, skipped when the lockfile is unchanged.
//   5. `turbo run build` (cached by turbo), then the task itself.
// Every step is a no-op when its result is already in place.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const toolsBin = join(toolsDir, 'node_modules', '.bin');
const reportsDir = join(root, 'reports');
const MIN_NODE = [22, 13, 0];

// Each task is a list of steps; a failing step does not stop the ones after it,
// so one run reports lint, type and test failures together.
const TASKS = {
  start: { build: true, steps: [['start', ['pnpm', 'run', '--silent', 'demo']]] },
  test: {
    build: true,
    steps: [
      ['lint', ['pnpm', 'exec', 'biome', 'ci', '.']],
      ['typecheck', ['pnpm', 'exec', 'turbo', 'run', 'typecheck', '--continue', '--output-logs=errors-only']],
      ['test', ['pnpm', 'exec', 'turbo', 'run', 'test', '--continue', '--output-logs=new-only']],
    ],
  },
  install: { build: false, steps: [] },
};

const log = (message) => console.log(`[karvon] ${message}`);

function main() {
  const taskName = process.argv[2] ?? 'install';
  const task = TASKS[taskName];
  if (!task) {
    console.error(`[karvon] unknown task "${taskName}"; expected one of: ${Object.keys(TASKS).join(', ')}`);
    process.exit(2);
  }
  const steps = [];
  const env = { ...process.env, PATH: [toolsBin, process.env.PATH ?? ''].join(delimiter) };

  const wantedNode = readFileSync(join(root, '.node-version'), 'utf8').trim();
  const wantedPnpm = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');

  const missing = {};
  if (!atLeast(process.versions.node, MIN_NODE) && versionOf('node', env) !== wantedNode) {
    missing.node = wantedNode;
  }
  if (versionOf('pnpm', env) !== wantedPnpm) missing.pnpm = wantedPnpm;
  if (Object.keys(missing).length > 0) {
    log(
      `installing ${Object.entries(missing)
        .map(([n, v]) => `${n}@${v}`)
        .join(' and ')} into .tools (from the npm registry)`,
    );
    installTools(missing);
  }
  const node = versionOf('node', env);
  log(`using node ${node}, pnpm ${versionOf('pnpm', env)}`);
  if (!atLeast(node ?? '0.0.0', MIN_NODE)) fail(`node ${node} is older than ${MIN_NODE.join('.')}`);

  installWorkspace(env);
  if (taskName === 'test') installSystemPackages(env);
  if (task.build) {
    log('building packages (turbo caches what is unchanged)');
    steps.push(runStep('build', ['pnpm', 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], env));
    if (!steps.at(-1).ok) finish(taskName, steps);
  }
  for (const [name, command] of task.steps) {
    log(`running ${name}`);
    steps.push(runStep(name, command, env));
  }
  finish(taskName, steps);
}

/**
 * The browser tests drive Debian's Chromium (`npx playwright install` cannot download here).
 * Installed with apt-get when missing and we may (root, apt-get present); otherwise the tests
 * that need it report themselves skipped with the reason.
 */
function installSystemPackages(env) {
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    log('Chromium missing and apt-get not usable here: the browser tests will be skipped');
    return;
  }
  log('installing chromium from Debian (apt-get) for the browser tests');
  const run = (args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['install', '-y', '--no-install-recommends', 'chromium']).status !== 0) {
    run(['update']);
    run(['install', '-y', '--no-install-recommends', 'chromium']);
  }
}

function atLeast(version, minimum) {
  const parts = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < minimum.length; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  }
  return true;
}

function versionOf(binary, env) {
  const result = spawnSync(binary, ['--version'], { env, encoding: 'utf8', shell: false });
  if (result.status !== 0 || !result.stdout) return undefined;
  return result.stdout.trim().replace(/^v/, '');
}

function installTools(missing) {
  mkdirSync(toolsDir, { recursive: true });
  const previous = existsSync(join(toolsDir, 'package.json'))
    ? (JSON.parse(readFileSync(join(toolsDir, 'package.json'), 'utf8')).dependencies ?? {})
    : {};
  const dependencies = { ...previous, ...missing };
  writeFileSync(join(toolsDir, 'package.json'), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  const result = spawnSync(
    'npm',
    ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--loglevel=error', '--save-exact'],
    { stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) fail('npm could not install the toolchain into .tools');
}

function installWorkspace(env) {
  const lock = join(root, 'pnpm-lock.yaml');
  const stamp = join(root, 'node_modules', '.karvon-install');
  const digest = createHash('sha256')
    .update(readFileSync(lock))
    .update(readFileSync(join(root, 'pnpm-workspace.yaml')))
    .update(versionOf('node', env) ?? '')
    .digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
    log('dependencies up to date');
    return;
  }
  log('installing dependencies (pnpm install --frozen-lockfile)');
  const result = spawnSync('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (result.status !== 0) fail('pnpm install --frozen-lockfile failed');
  writeFileSync(stamp, digest);
}

function runStep(name, command, env) {
  const started = Date.now();
  const [binary, ...args] = command;
  const result = spawnSync(binary, args, { cwd: root, stdio: 'inherit', env });
  return { name, ok: result.status === 0, exitCode: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function finish(taskName, steps) {
  // The CI summary reads this to count a failed build, lint or type check,
  // which no test runner report would show.
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(join(reportsDir, `steps-${taskName}.json`), `${JSON.stringify(steps, null, 2)}\n`);
  const failed = steps.find((step) => !step.ok);
  if (failed) {
    log(`${failed.name} failed (exit ${failed.exitCode})`);
    process.exit(failed.exitCode || 1);
  }
  process.exit(0);
}

function fail(message) {
  console.error(`[karvon] ${message}`);
  process.exit(1);
}

main();
