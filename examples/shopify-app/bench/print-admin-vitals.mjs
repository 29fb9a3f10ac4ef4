// `pnpm bench` for the Shopify app: the browser test has just measured the embedded admin page in
// headless Chromium; print its figures against Built for Shopify's budgets.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const reports = process.env.KARVON_REPORTS_DIR ?? resolve(import.meta.dirname, '../../../reports');
const figures = JSON.parse(readFileSync(join(reports, 'perf', 'shopify-admin-vitals.json'), 'utf8'));
const BUDGETS = { lcp: 2500, cls: 0.1, inp: 200 };
console.log(
  'Shopify admin page, headless Chromium on loopback (Built for Shopify budgets: LCP ≤ 2.5 s, CLS ≤ 0.1, INP ≤ 200 ms)',
);
for (const [phase, vitals] of Object.entries(figures)) {
  const cells = Object.entries(BUDGETS).map(([name, budget]) => {
    const value = vitals[name];
    const shown = name === 'cls' ? value.toFixed(3) : `${Math.round(value)} ms`;
    return `${name.toUpperCase()} ${shown} (${value <= budget ? 'within' : 'OVER'} budget)`;
  });
  console.log(`  ${phase.padEnd(10)} ${cells.join(' · ')}`);
}
