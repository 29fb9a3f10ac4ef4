import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, FULL_ZOD_PATTERN, formatReport, measureSizes } from '../size-report.mjs';
import { assertBuilt, publishedPackages } from './support/workspace';

type Results = Awaited<ReturnType<typeof measureSizes>>;
let results: Results;

function entry(subpath: string) {
  const found = results.find((r) => r.subpath === subpath);
  if (found === undefined) throw new Error(`@karvon/sdk has no "${subpath}" entry in exports`);
  return found;
}

beforeAll(async () => {
  // The bundles pull @karvon/contract from its dist, so both must be built.
  for (const p of publishedPackages()) assertBuilt(p);
  results = await measureSizes();
  console.log(formatReport(results));
}, 60_000);

describe('@karvon/sdk size budgets (esbuild minified ESM, gzip -9, dependencies included)', () => {
  it.each(Object.entries(BUDGETS))('keeps %s within %d bytes min+gz', (subpath, budget) => {
    expect(entry(subpath).gzipped).toBeLessThanOrEqual(budget);
  });

  it('budgets the main entry at 15 KB and what a segment counter loads from encoding at 4 KB', () => {
    expect(BUDGETS).toEqual({ '.': 15 * 1024, './encoding#count': 4 * 1024 });
  });

  it('reaches no full zod module from the main entry, only zod/mini', () => {
    expect(entry('.').inputs.filter((input) => FULL_ZOD_PATTERN.test(input))).toEqual([]);
  });

  it('measures every entry, including the unbudgeted webhooks and phone', () => {
    expect(results.map((r) => r.subpath)).toEqual(expect.arrayContaining(['.', './encoding', './webhooks', './phone']));
    for (const r of results) expect(r.gzipped).toBeGreaterThan(0);
  });
});
