import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  type Entrypoint,
  entrypoints,
  publishedPackages,
  ROOT,
  runtimeExportNames,
  supportsNode20,
  type WorkspacePackage,
} from './support/workspace';

// Checks the packages as npm users get them: the tarball `pnpm pack` makes
// from the already built dist (this file runs after `turbo run build`),
// linted by publint and attw, installed into a scratch project with npm, and
// imported with `import` and `require` on the oldest Node the engines allow
// (20) and on the Node running the tests.

const run = promisify(execFile);
const ATTW = join(ROOT, 'tools/node_modules/.bin/attw');
const packages = publishedPackages();

interface Runtime {
  label: string;
  bin: string;
}

interface ImportOutcome {
  keys?: string[];
  undefinedKeys?: string[];
  error?: string;
}

type ProbeResult = Record<string, { esm: ImportOutcome; cjs: ImportOutcome }>;

// Written into the scratch project and run by each Node binary: imports every
// specifier both ways and reports what came back.
const PROBE = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const describe = (m) => ({
  keys: Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort(),
  undefinedKeys: Object.keys(m).filter((k) => m[k] === undefined),
});
const out = {};
for (const spec of process.argv.slice(2)) {
  out[spec] = {};
  try { out[spec].esm = describe(await import(spec)); } catch (e) { out[spec].esm = { error: String(e && e.stack || e) }; }
  try { out[spec].cjs = describe(require(spec)); } catch (e) { out[spec].cjs = { error: String(e && e.stack || e) }; }
}
process.stdout.write(JSON.stringify(out));
`;

async function nodeVersion(bin: string): Promise<string | undefined> {
  try {
    return (await run(bin, ['--version'])).stdout.trim();
  } catch {
    return undefined;
  }
}

// The engines floor is Node 20.19; CI images keep a system Node 20 beside the
// toolchain's Node. KARVON_NODE20 points elsewhere when it lives elsewhere.
async function findNode20(): Promise<Runtime> {
  const candidates = [process.env.KARVON_NODE20, '/usr/bin/node', '/usr/local/bin/node', '/bin/node'];
  for (const bin of candidates) {
    if (bin === undefined || !existsSync(bin)) continue;
    const version = await nodeVersion(bin);
    if (version?.startsWith('v20.')) return { label: `node ${version}`, bin };
  }
  throw new Error('No Node 20 found (tried KARVON_NODE20, /usr/bin/node, /usr/local/bin/node, /bin/node).');
}

function tarballName(p: WorkspacePackage): string {
  return `${p.pkg.name.replace(/^@/, '').replace('/', '-')}-${p.pkg.version}.tgz`;
}

let scratch: string;
const tarballs = new Map<string, string>();
const probes = new Map<string, ProbeResult>();
let runtimes: Runtime[] = [];

beforeAll(async () => {
  expect(packages.length).toBeGreaterThan(0);
  for (const p of packages) assertBuilt(p);
  scratch = mkdtempSync(join(tmpdir(), 'karvon-pack-'));

  // pnpm pack rewrites workspace:* and catalog: ranges to real versions.
  await Promise.all(
    packages.map(async (p) => {
      await run('pnpm', ['pack', '--pack-destination', scratch], { cwd: p.dir });
      const file = join(scratch, tarballName(p));
      if (!existsSync(file)) throw new Error(`pnpm pack did not produce ${file} (found ${readdirSync(scratch)})`);
      tarballs.set(p.pkg.name, file);
    }),
  );

  // Install every tarball at once: the SDK's @karvon/contract dependency is
  // satisfied by the contract tarball, third-party deps come from the registry.
  const consumer = join(scratch, 'consumer');
  await run('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'karvon-pack-consumer', private: true }));
  writeFileSync(join(consumer, 'probe.mjs'), PROBE);
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      '--prefer-offline',
      ...tarballs.values(),
    ],
    { cwd: consumer, maxBuffer: 16 * 1024 * 1024 },
  );

  runtimes = [await findNode20(), { label: `node ${process.version}`, bin: process.execPath }];
  const specifiers = packages.flatMap((p) => entrypoints(p).map((e) => e.specifier));
  for (const runtime of runtimes) {
    const { stdout } = await run(runtime.bin, ['probe.mjs', ...specifiers], {
      cwd: consumer,
      maxBuffer: 16 * 1024 * 1024,
    });
    probes.set(runtime.label, JSON.parse(stdout) as ProbeResult);
  }
}, 360_000);

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe.each(packages.map((p) => [p.pkg.name, p] as const))('%s', (_name, p) => {
  it('passes publint at level warning', async () => {
    const tarball = readFileSync(tarballs.get(p.pkg.name)!);
    // No pkgDir: publint takes the tarball's root folder.
    const { messages, pkg } = await publint({
      level: 'warning',
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    });
    const problems = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
    if (problems.length > 0) console.error(`publint ${p.pkg.name}:\n${problems.join('\n')}`);
    expect(problems).toEqual([]);
  });

  // Profile node16: subpaths need `exports`, which TypeScript's legacy node10
  // resolution ignores; engines require Node ≥ 20.19 and a TypeScript setup
  // of node16/nodenext/bundler for subpaths. The root entry still resolves
  // under node10 through `main`/`types`, asserted separately below.
  it('has no attw problems outside node10 subpaths, and resolves its root under node10', async () => {
    const { stdout } = await run(ATTW, [tarballs.get(p.pkg.name)!, '--format', 'json', '--profile', 'node16'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      problems?: Record<string, Array<{ kind: string; entrypoint?: string; resolutionKind?: string }>>;
      analysis: { entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
    };
    const esmOnly = entrypoints(p).every((entry) => entry.cjs === undefined);
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => !(problem.resolutionKind === 'node10' && problem.entrypoint !== '.'))
      // An ESM-only package (the gateway, a server) is meant to be imported, not required.
      .filter((problem) => !(esmOnly && problem.kind === 'CJSResolvesToESM'));
    if (problems.length > 0) console.error(`attw ${p.pkg.name}:\n${JSON.stringify(problems, null, 2)}`);
    expect(problems).toEqual([]);
    expect(report.analysis.entrypoints['.']?.resolutions.node10?.resolution?.fileName).toMatch(/\.d\.c?ts$/);
  });

  const runtimesFor = supportsNode20(p) ? (['node 20', 'node current'] as const) : (['node current'] as const);
  const cases = entrypoints(p).flatMap((entry) =>
    runtimesFor.flatMap((which) =>
      (entry.cjs === undefined ? (['esm'] as const) : (['esm', 'cjs'] as const)).map(
        (format) => [entry.specifier, which, format, entry] as const,
      ),
    ),
  );

  it.each(cases)('%s loads with the named exports of its source on %s (%s)', (specifier, which, format, entry) => {
    const runtime = which === 'node 20' ? runtimes[0]! : runtimes[1]!;
    const outcome = probes.get(runtime.label)![specifier]![format];
    expect(outcome.error, `${specifier} (${format}) on ${runtime.label}`).toBeUndefined();
    const expected = runtimeExportNames((entry as Entrypoint).source).filter((name) => name !== 'default');
    expect(outcome.keys?.length, `${specifier} exports nothing`).toBeGreaterThan(0);
    expect(outcome.undefinedKeys).toEqual([]);
    // A mismatch means dist is older than src: rebuild, then rerun.
    expect(outcome.keys).toEqual(expected);
  });
});
