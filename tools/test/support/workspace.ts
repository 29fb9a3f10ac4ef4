import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (tools/test/support → ../../..). */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const PACKAGES_DIR = join(ROOT, 'packages');

export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  sideEffects?: unknown;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface WorkspacePackage {
  dir: string;
  folder: string;
  pkg: PackageJson;
  published: boolean;
}

/** Every folder under packages/ that has a package.json. */
export function workspacePackages(): WorkspacePackage[] {
  return readdirSync(PACKAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(PACKAGES_DIR, entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(PACKAGES_DIR, entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      return { dir, folder: entry.name, pkg, published: pkg.private !== true };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** Packages that npm will receive: every packages/* without `private: true`. */
export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => p.published);
}

export interface Entrypoint {
  /** Subpath key in `exports`, e.g. `'./encoding'`. */
  subpath: string;
  /** Import specifier, e.g. `'@karvon/sdk/encoding'`. */
  specifier: string;
  /** Built ESM file, absolute. */
  esm: string;
  /** Built CommonJS file, absolute; undefined for an ESM-only package (the gateway). */
  cjs: string | undefined;
  /** Source entry the ESM file is built from, absolute (dist/x/index.js → src/x/index.ts). */
  source: string;
}

function condition(value: unknown, name: 'import' | 'require'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // An ESM-only package has one flat branch: { types, default }.
  if (name === 'import' && !('import' in value) && typeof (value as { default?: unknown }).default === 'string') {
    return (value as { default: string }).default;
  }
  const branch = (value as Record<string, unknown>)[name];
  if (typeof branch === 'string') return branch;
  if (typeof branch === 'object' && branch !== null) {
    const target = (branch as Record<string, unknown>).default;
    return typeof target === 'string' ? target : undefined;
  }
  return undefined;
}

/** The JavaScript entrypoints of a package's `exports` map (`./package.json` left out). */
export function entrypoints(p: WorkspacePackage): Entrypoint[] {
  const result: Entrypoint[] = [];
  for (const [subpath, value] of Object.entries(p.pkg.exports ?? {})) {
    if (subpath === './package.json') continue;
    const esm = condition(value, 'import');
    const cjs = condition(value, 'require');
    if (esm === undefined) {
      throw new Error(`${p.pkg.name}: exports["${subpath}"] has no import (or flat default) condition`);
    }
    result.push({
      subpath,
      specifier: subpath === '.' ? p.pkg.name : `${p.pkg.name}/${subpath.slice(2)}`,
      esm: join(p.dir, esm),
      cjs: cjs === undefined ? undefined : join(p.dir, cjs),
      source: join(p.dir, esm.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')),
    });
  }
  return result;
}

/** Fails with a message that says what to run when the build output is missing. */
export function assertBuilt(p: WorkspacePackage): void {
  const missing = entrypoints(p)
    .flatMap((e) => (e.cjs === undefined ? [e.esm] : [e.esm, e.cjs]))
    .filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `${p.pkg.name} is not built (missing ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}). ` +
        `Run \`pnpm turbo run build\` (or \`pnpm --filter ${p.pkg.name} build\`) before the tools tests.`,
    );
  }
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/**
 * Runtime (non-type) names a source entry exports, read from its explicit
 * `export { … } from`, `export const|function|class|enum` statements.
 */
export function runtimeExportNames(sourceFile: string): string[] {
  const source = stripComments(readFileSync(sourceFile, 'utf8'));
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    if (match[1] !== undefined) continue;
    for (const raw of match[2]!.split(',')) {
      const item = raw.trim();
      if (item === '' || item.startsWith('type ')) continue;
      names.add(
        item
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
    }
  }
  for (const match of source.matchAll(
    /export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/g,
  )) {
    names.add(match[1]!);
  }
  if (/export\s+default\b/.test(source)) names.add('default');
  return [...names].sort();
}

/** Whether a package's `engines.node` admits Node 20 (the gateway needs ≥ 22.13 for node:sqlite). */
export function supportsNode20(p: WorkspacePackage): boolean {
  const range = (p.pkg.engines as { node?: string } | undefined)?.node ?? '';
  const minimum = /(\d+)(?:\.(\d+))?/.exec(range);
  return minimum === null || Number(minimum[1]) <= 20;
}
