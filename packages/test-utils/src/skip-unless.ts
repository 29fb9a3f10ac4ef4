import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';

/**
 * `describe` when `available`, otherwise `describe.skip` with the reason written
 * to reports/skips so that .ci/run names every skipped suite and why: a missing
 * PostgreSQL or Chromium must never pass silently.
 */
export function describeUnless(skipReason: string | false | undefined): typeof describe {
  if (!skipReason) return describe;
  const wrapped = ((name: string, ...rest: unknown[]) => {
    recordSkip(name, skipReason);
    return (describe.skip as (...args: unknown[]) => void)(name, ...rest);
  }) as unknown as typeof describe;
  return wrapped;
}

export function recordSkip(suite: string, reason: string): void {
  const dir = process.env.KARVON_REPORTS_DIR;
  if (!dir) return;
  mkdirSync(join(dir, 'skips'), { recursive: true });
  appendFileSync(join(dir, 'skips', `${process.pid}.jsonl`), `${JSON.stringify({ suite, reason })}\n`);
}
