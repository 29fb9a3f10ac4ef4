import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  let dir: string;
  let db: DatabaseSync;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'karvon-gc-'));
    db = new DatabaseSync(join(dir, 'g.db'));
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs writes requested in one tick in a single transaction', async () => {
    const commits: number[] = [];
    const group = new GroupCommit(db, db);
    const original = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (sql === 'COMMIT') commits.push(1);
      return original(sql);
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        group.run(async (d) => {
          d.prepare('INSERT INTO t (v) VALUES (?)').run(i);
        }),
      ),
    );
    expect(commits).toHaveLength(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 20 });
  });

  it('rolls back only the operation that failed', async () => {
    const group = new GroupCommit(db, db);
    const insert = (v: number) => group.run(async (d) => d.prepare('INSERT INTO t (v) VALUES (?)').run(v));
    const results = await Promise.allSettled([insert(1), insert(1), insert(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('settles a caller only after its group committed', async () => {
    const group = new GroupCommit(db, db);
    await group.run(async (d) => d.prepare('INSERT INTO t (v) VALUES (7)').run());
    expect(db.isTransaction).toBe(false);
    const other = new DatabaseSync(join(dir, 'g.db'));
    expect(other.prepare('SELECT v FROM t').all()).toEqual([{ v: 7 }]);
    other.close();
  });
});
