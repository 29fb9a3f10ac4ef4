// Inclusive ("total") time of our own functions in a V8 .cpuprofile: a function's time with
// everything it called, node:sqlite's native calls and the COMMIT's fsync wait included. Self
// time (summarise-cpuprofile.mjs) puts every query under "node:sqlite (native)"; this says which
// of our functions issued them: the send route, the dispatcher's claim, beginSubmit,
// recordAccepted, the receipt apply. After an `await` a V8 profile shows only the resumed part,
// so an async function is credited with what it ran synchronously, not with the time it waited.
import { readFileSync } from 'node:fs';
import { printTable } from './print-table.mjs';
import { locate } from './summarise-cpuprofile.mjs';

/**
 * Prints (and returns) the `top` functions of `packages/*` source by inclusive time, with µs per
 * `units` (messages) when given. A function that appears several times on one stack (recursion)
 * is counted once per sample.
 */
export function summariseInclusiveTime(file, { top = 30, units, unitName = 'message', write } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  const { samples, timeDeltas } = profile;
  const mean = samples.length > 0 ? (profile.endTime - profile.startTime) / samples.length : 0;
  for (let index = 0; index < samples.length; index += 1) {
    const micros = index + 1 < timeDeltas.length ? Math.max(0, timeDeltas[index + 1]) : mean;
    selfMicros.set(samples[index], (selfMicros.get(samples[index]) ?? 0) + micros);
  }
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    if (byId.get(id)?.callFrame.functionName !== '(idle)') busy += micros;
  }

  const keyOf = new Map();
  for (const node of profile.nodes) {
    const where = locate(node.callFrame);
    const ours = where.file?.startsWith('packages/');
    keyOf.set(
      node.id,
      ours ? `${node.callFrame.functionName || '(anonymous)'}\u0000${where.file}:${where.line}` : undefined,
    );
  }

  // Depth-first from the root, keeping the keys on the current stack: each node's self time
  // counts once for every distinct key above it (itself included).
  const totals = new Map();
  const onStack = new Map();
  const root = profile.nodes[0];
  const stack = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const key = keyOf.get(frame.node.id);
    if (!frame.entered) {
      frame.entered = true;
      if (key) onStack.set(key, (onStack.get(key) ?? 0) + 1);
      const micros = selfMicros.get(frame.node.id) ?? 0;
      if (micros > 0) for (const active of onStack.keys()) totals.set(active, (totals.get(active) ?? 0) + micros);
      for (const child of frame.node.children ?? []) stack.push({ node: byId.get(child), entered: false });
      continue;
    }
    stack.pop();
    if (key) {
      const left = onStack.get(key) - 1;
      if (left === 0) onStack.delete(key);
      else onStack.set(key, left);
    }
  }

  const rows = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, micros]) => {
      const [name, where] = key.split('\u0000');
      return {
        name,
        where: where.replace(/^packages\/gateway\//, ''),
        ms: (micros / 1000).toFixed(0),
        share: `${((micros / busy) * 100).toFixed(1)}%`,
        perUnit: units ? (micros / units).toFixed(1) : '',
      };
    });
  const out = write ?? ((line) => process.stdout.write(`${line}\n`));
  out(
    `\nTop ${top} of our functions by inclusive time (JS + native; busy = not idle: ` +
      `${(busy / 1e6).toFixed(1)} s${units ? `, ${formatUnits(units)} ${unitName}s` : ''}):`,
  );
  printTable(
    [
      { key: 'name', title: 'function' },
      { key: 'where', title: 'file:line' },
      { key: 'ms', title: 'inclusive ms', align: 'right' },
      { key: 'share', title: '% of busy', align: 'right' },
      ...(units ? [{ key: 'perUnit', title: `µs/${unitName}`, align: 'right' }] : []),
    ],
    rows,
    out,
  );
  return rows;
}

function formatUnits(units) {
  return Math.round(units).toLocaleString('en-US');
}
