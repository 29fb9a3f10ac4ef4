import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { dispatchBattery } from '../conformance/dispatch-battery';
import { repositoryBattery } from '../conformance/repository-battery';
import { openSqliteRepository, type SqliteRepository } from './sqlite-repository';

const dir = mkdtempSync(join(tmpdir(), 'karvon-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

repositoryBattery('sqlite', {
  open: async () => openSqliteRepository({ file: join(dir, 'karvon.db') }),
  assertDurability: async (repository) => {
    const db = (repository as SqliteRepository).database;
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
  },
});

// Its own file: the fairness checks count every queued message in the database.
dispatchBattery('sqlite', async () => openSqliteRepository({ file: join(dir, 'dispatch.db') }));
