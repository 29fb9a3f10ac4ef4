import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entrypoints, ROOT, workspacePackages } from './support/workspace';

// Checks what docs/STYLE (house style) says about package anatomy, so it stays true.

const packages = workspacePackages();
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.turbo', 'reports', 'coverage', '.git', '.tools']);

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path, keep));
    else if (keep(path)) files.push(path);
  }
  return files;
}

const isTestFile = (file: string) => /\.(test|spec)(-d)?\.[cm]?[jt]sx?$/.test(file);
const testFiles = ['packages', 'tools', 'examples']
  .map((dir) => join(ROOT, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => walk(dir, isTestFile));
const rel = (file: string) => relative(ROOT, file);

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe.each(packages.map((p) => [p.pkg.name, p] as const))('%s', (_name, p) => {
  const required = ['package.json', 'README.md', 'tsconfig.json', 'vitest.config.ts'];
  if (p.published) required.push('tsup.config.ts');

  it(`has ${required.join(', ')}`, () => {
    expect(required.filter((file) => !existsSync(join(p.dir, file)))).toEqual([]);
  });

  it('lives in a folder named after it', () => {
    expect(p.pkg.name.replace(/^@karvon\//, '')).toBe(p.folder);
  });

  // Published-only rules are registered only for published packages, so
  // private ones report no skipped tests.
  if (p.published) {
    it('declares sideEffects: false and engines.node', () => {
      expect(p.pkg.sideEffects).toBe(false);
      expect(p.pkg.engines?.node).toMatch(/\d/);
    });

    it('lists every subpath in exports with its own types, without wildcards', () => {
      const exportsMap = p.pkg.exports ?? {};
      expect(Object.keys(exportsMap)).toContain('.');
      expect(Object.keys(exportsMap).filter((key) => key.includes('*'))).toEqual([]);
      const untyped: string[] = [];
      // Dual packages (ESM + CJS) give each condition its own types; an ESM-only package (the
      // gateway, a server) has one flat branch. Either way `types` comes first.
      const hasTypesFirst = (branch: unknown) =>
        typeof branch === 'object' &&
        branch !== null &&
        typeof (branch as Record<string, unknown>).types === 'string' &&
        Object.keys(branch)[0] === 'types';
      for (const [subpath, value] of Object.entries(exportsMap)) {
        if (subpath === './package.json') continue;
        const branches = value as Record<string, unknown>;
        const conditions = ['import', 'require'].filter((condition) => condition in branches);
        if (conditions.length === 0) {
          if (!hasTypesFirst(branches)) untyped.push(subpath);
          continue;
        }
        for (const condition of conditions) {
          if (!hasTypesFirst(branches[condition])) untyped.push(`${subpath} (${condition})`);
        }
      }
      expect(untyped).toEqual([]);
    });
  }

  it('has no export * in its public entry files', () => {
    const entries = new Set([join(p.dir, 'src/index.ts')]);
    if (p.published) for (const entry of entrypoints(p)) entries.add(entry.source);
    const offenders = [...entries]
      .filter((file) => existsSync(file))
      .filter((file) => /^\s*export\s*\*/m.test(stripComments(readFileSync(file, 'utf8'))));
    expect(offenders.map(rel)).toEqual([]);
  });
});

describe('tests', () => {
  it('finds the test files it checks', () => {
    expect(testFiles.length).toBeGreaterThan(0);
  });

  it('contain no .only', () => {
    const offenders = testFiles.filter((file) =>
      /\b(?:it|test|describe|suite|bench)\.only\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it('give a reason in a comment on the line above every skip', () => {
    const offenders: string[] = [];
    for (const file of testFiles) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!/\b(?:it|test|describe|suite)\.(?:skip|skipIf)\s*\(/.test(line)) return;
        const above = (lines[index - 1] ?? '').trim();
        const reason = above.replace(/^(?:\/\/+|\/?\*+)|\*\/$/g, '').trim();
        const isComment = above.startsWith('//') || above.startsWith('*') || above.endsWith('*/');
        if (!isComment || reason.length < 10) offenders.push(`${rel(file)}:${index + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe('edge-safe source (packages/sdk/src, packages/contract/src)', () => {
  const sources = ['packages/sdk/src', 'packages/contract/src']
    .map((dir) => join(ROOT, dir))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => walk(dir, (file) => /\.ts$/.test(file) && !isTestFile(file)));

  it('uses no Buffer', () => {
    const offenders = sources.filter((file) => /\bBuffer\b/.test(stripComments(readFileSync(file, 'utf8'))));
    expect(offenders.map(rel)).toEqual([]);
  });

  it('imports no node: modules', () => {
    const offenders = sources.filter((file) =>
      /\bfrom\s*['"]node:|import\s*\(\s*['"]node:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map(rel)).toEqual([]);
  });
});
