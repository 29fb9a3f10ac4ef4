import type { DatabaseSync } from 'node:sqlite';

export interface LeaseLockOptions {
  now: () => number;
  /** How long a lease lasts without renewal: a crashed holder blocks the name at most this long. */
  leaseMs?: number;
  /** Wait between attempts to take a held lease. */
  pollMs?: number;
}

/**
 * withLock for SQLite: a row per held name in `shopify_locks`, taken by one INSERT that succeeds only
 * when the name is free or its lease has run out, renewed while the work runs, deleted after. It
 * works across every process (and every store instance) on the same file.
 */
export function sqliteLeaseLock(db: DatabaseSync, options: LeaseLockOptions) {
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 10;
  const take = db.prepare(
    `INSERT INTO shopify_locks (name, holder, expires_at) VALUES (?1, ?2, ?3)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE shopify_locks.expires_at <= ?4`,
  );
  const renew = db.prepare(`UPDATE shopify_locks SET expires_at = ?3 WHERE name = ?1 AND holder = ?2`);
  const release = db.prepare(`DELETE FROM shopify_locks WHERE name = ?1 AND holder = ?2`);

  return async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    const holder = crypto.randomUUID();
    for (;;) {
      const at = options.now();
      if (Number(take.run(name, holder, at + leaseMs, at).changes) === 1) break;
      // Jittered, so waiters on one name do not retry in lockstep.
      await new Promise((resolve) => setTimeout(resolve, pollMs * (0.5 + Math.random())));
    }
    const heartbeat = setInterval(() => {
      try {
        renew.run(name, holder, options.now() + leaseMs);
      } catch {
        // The database closed under us; the release below reports it if it still matters.
      }
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      return await work();
    } finally {
      clearInterval(heartbeat);
      try {
        release.run(name, holder);
      } catch {
        // Closed or busy: the lease still runs out within leaseMs, and the work's outcome matters more.
      }
    }
  };
}
