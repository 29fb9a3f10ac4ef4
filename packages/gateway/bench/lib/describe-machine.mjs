import { readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { resolve } from 'node:path';

// The filesystem under the temp dir matters for the SQLite floors: on tmpfs an
// fsync costs nothing and "durable" figures would be fiction.
function filesystemOf(path) {
  try {
    const target = resolve(path);
    let best = { mount: '', type: 'unknown' };
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (mount === undefined || type === undefined) continue;
      const inside = target === mount || target.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length > best.mount.length) best = { mount, type };
    }
    return best.type;
  } catch {
    return 'unknown';
  }
}

/** One line that says where the figures come from; printed at the top of every benchmark. */
export function describeMachine() {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = (totalmem() / 2 ** 30).toFixed(0);
  return [
    `${new Date().toISOString()}`,
    `node ${process.version} ${process.platform}-${process.arch}`,
    `${list.length} cores (${model}), ${memoryGiB} GiB`,
    `tmp on ${filesystemOf(tmpdir())}`,
  ].join(' · ');
}

/** Cores matter: the load generator and the server share them. */
export function coreCount() {
  return cpus().length;
}
