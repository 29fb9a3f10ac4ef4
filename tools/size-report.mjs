#!/usr/bin/env node
// Size report for the built @karvon/sdk: bundles each entry of dist the way a
// user's bundler would (esbuild, minified ESM, platform neutral, code splitting
// on, nothing external, so ky, zod/mini and @karvon/contract are counted), gzips
// it and prints a table plus the biggest input modules. The budgeted figure is
// what loading the entry costs: the entry chunk and every chunk it imports
// statically. Chunks behind a dynamic import() (opt-in response validation) are
// reported apart as "lazy". tools/test/size.test.ts
// asserts the budgets from the same numbers.
//
//   node tools/size-report.mjs            table
//   node tools/size-report.mjs --json     machine-readable
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SDK_DIR = join(ROOT, 'packages/sdk');

/** Budgets in bytes of minified + gzipped output; entries without one are only reported. */
export const BUDGETS = {
  '.': 15 * 1024,
  './encoding#count': 4 * 1024,
};

/**
 * What an app really loads from an entry when it imports only part of it (bundlers drop the
 * rest). The encoding budget is measured here: a segment counter in a browser form imports
 * `analyze` and `smartEncode`; `split`/`encode`/`decode` are the SMPP wire side the gateway uses,
 * and the national tables (with their search) live in `./encoding/national`. The whole entry is
 * reported too.
 */
export const SCENARIOS = [
  {
    subpath: './encoding#count',
    name: '@karvon/sdk/encoding { analyze, smartEncode }',
    contents: "export { analyze, smartEncode } from './dist/encoding/index.js';",
  },
];

/** Files reachable only from full zod (not zod/mini): their presence means the classic API leaked in. */
export const FULL_ZOD_PATTERN = /[\\/]zod[\\/](?:v4[\\/]classic|v3)[\\/]/;

function sdkEntries() {
  const pkg = JSON.parse(readFileSync(join(SDK_DIR, 'package.json'), 'utf8'));
  const entries = Object.entries(pkg.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, value]) => ({
      subpath,
      name: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
      file: join(SDK_DIR, value.import.default),
    }));
  const scenarios = SCENARIOS.map((scenario) => ({ ...scenario, file: join(SDK_DIR, 'dist/encoding/index.js') }));
  return [...entries, ...scenarios];
}

/** Which npm package (or "@karvon/sdk" for own files) an esbuild input path belongs to. */
function packageOf(input) {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules)/.exec(input);
  if (match) return match[1].replace('\\', '/');
  const own = /^packages[\\/]([^\\/]+)[\\/]/.exec(relative(ROOT, resolve(SDK_DIR, input)));
  return own ? `@karvon/${own[1]}` : input;
}

/** Bundles, minifies and gzips every entry of the built SDK. */
export async function measureSizes() {
  const results = [];
  for (const entry of sdkEntries()) {
    if (!existsSync(entry.file)) {
      throw new Error(
        `${relative(ROOT, entry.file)} is missing: build the SDK first (pnpm --filter @karvon/sdk build).`,
      );
    }
    const result = await build({
      ...(entry.contents === undefined
        ? { entryPoints: [entry.file] }
        : { stdin: { contents: entry.contents, resolveDir: SDK_DIR, sourcefile: 'scenario.js' } }),
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      metafile: true,
      write: false,
      splitting: true,
      outdir: 'out',
      absWorkingDir: SDK_DIR,
      logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const entryOutput = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
    const staticOutputs = new Set();
    const visit = (path) => {
      if (staticOutputs.has(path)) return;
      staticOutputs.add(path);
      for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(entryOutput);
    const files = new Map(result.outputFiles.map((file) => [relative(SDK_DIR, file.path), file.contents]));
    const sizeOf = (paths) => {
      let minified = 0;
      let gzipped = 0;
      for (const path of paths) {
        const contents = files.get(path);
        if (contents === undefined || !path.endsWith('.js')) continue;
        minified += contents.byteLength;
        gzipped += gzipSync(contents, { level: 9 }).byteLength;
      }
      return { minified, gzipped };
    };
    const initial = sizeOf(staticOutputs);
    const lazy = sizeOf(Object.keys(outputs).filter((path) => !staticOutputs.has(path)));
    const inputsOf = (paths) => {
      const merged = {};
      for (const path of paths) Object.assign(merged, outputs[path].inputs);
      return merged;
    };
    const modules = Object.entries(inputsOf(staticOutputs))
      .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput, package: packageOf(path) }))
      .filter((module) => module.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
    const byPackage = new Map();
    for (const module of modules) byPackage.set(module.package, (byPackage.get(module.package) ?? 0) + module.bytes);
    results.push({
      ...entry,
      minified: initial.minified,
      gzipped: initial.gzipped,
      lazyGzipped: lazy.gzipped,
      budget: BUDGETS[entry.subpath],
      inputs: Object.keys(result.metafile.inputs),
      modules,
      packages: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes })),
    });
  }
  return results;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

function pad(cells, widths) {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
}

export function formatReport(results) {
  const rows = results.map((r) => [
    r.name,
    kb(r.minified),
    kb(r.gzipped),
    r.budget === undefined ? '-' : kb(r.budget),
    r.budget === undefined ? '' : r.gzipped <= r.budget ? 'ok' : 'OVER',
    r.lazyGzipped > 0 ? kb(r.lazyGzipped) : '-',
  ]);
  const header = ['entry', 'min', 'min+gz', 'budget', '', 'lazy min+gz'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const lines = [
    pad(header, widths),
    pad(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => pad(r, widths)),
  ];
  for (const r of results) {
    lines.push('', `${r.name}: by package (minified bytes in output)`);
    for (const p of r.packages) lines.push(`  ${p.name.padEnd(28)} ${kb(p.bytes).padStart(10)}`);
    lines.push(`${r.name}: biggest input modules`);
    for (const m of r.modules.slice(0, 5)) lines.push(`  ${kb(m.bytes).padStart(10)}  ${m.path}`);
  }
  return lines.join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await measureSizes();
  if (process.argv.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify(
        results.map(({ modules, inputs, ...rest }) => rest),
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(`${formatReport(results)}\n`);
  }
}
