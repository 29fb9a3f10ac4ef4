import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskNumbers, readLogTail } from './log-tail.mjs';

describe('maskNumbers', () => {
  it('masks phone numbers with or without a plus, keeping five leading and two trailing digits', () => {
    expect(maskNumbers('to:+998901234567 from:998901234567')).toBe('to:+99890*****67 from:99890*****67');
  });

  it('leaves short digit runs such as message ids and times alone', () => {
    expect(maskNumbers('id:1000123 at 2026-11-25 11:12:00')).toBe('id:1000123 at 2026-11-25 11:12:00');
  });
});

describe('readLogTail', () => {
  it('returns the last lines, masked, and an empty string for a missing file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'log-tail-'));
    try {
      const path = join(directory, 'box.log');
      writeFileSync(path, 'one\ntwo\nthree +998901234567\n');
      expect(readLogTail(path, 2)).toBe('two\nthree +99890*****67');
      expect(readLogTail(join(directory, 'missing.log'))).toBe('');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
