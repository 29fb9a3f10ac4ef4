import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

// Biome bans Buffer and process; this also catches node:* imports and any
// runtime dependency other than zod, which would break edge runtimes.
describe('contract sources', () => {
  it('import nothing but zod/mini and each other', () => {
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/from '([^']+)'/g)) {
        if (specifier !== 'zod/mini' && !specifier!.startsWith('.'))
          offenders.push(`${relative(SRC, file)}: ${specifier}`);
      }
      if (/\b(Buffer|process)\./.test(text)) offenders.push(`${relative(SRC, file)}: Node global`);
    }
    expect(offenders).toEqual([]);
  });
});
