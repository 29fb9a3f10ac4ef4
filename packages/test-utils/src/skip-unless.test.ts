import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeUnless, recordSkip } from './skip-unless';

describe('describeUnless', () => {
  const original = process.env.KARVON_REPORTS_DIR;
  afterEach(() => {
    process.env.KARVON_REPORTS_DIR = original;
  });

  it('returns the plain describe when there is no reason to skip', () => {
    expect(describeUnless(false)).toBe(describe);
    expect(describeUnless(undefined)).toBe(describe);
  });

  it('writes the suite name and the reason where the CI summary reads them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'karvon-skips-'));
    process.env.KARVON_REPORTS_DIR = dir;
    recordSkip('PostgreSQL repository', 'no server at 127.0.0.1:5432');
    const files = readdirSync(join(dir, 'skips'));
    expect(files).toHaveLength(1);
    const line = JSON.parse(readFileSync(join(dir, 'skips', files[0]!), 'utf8').trim());
    expect(line).toEqual({ suite: 'PostgreSQL repository', reason: 'no server at 127.0.0.1:5432' });
  });
});
