/**
 * The receipt drain of bench/kannel/kannel-peer.mjs, for any counter: polls `count` every
 * `pollMs` until it has not moved for `quietMs`, or `timeoutMs` after the start. Resolves with
 * the last count and drainS, the time from the start to the last change seen (the quiet time
 * is not counted). `count` may be async (a database query).
 *
 * @param {() => number | Promise<number>} count
 * @param {{ quietMs?: number, timeoutMs?: number, pollMs?: number }} [options]
 * @returns {Promise<{ last: number, drainS: number }>}
 */
export async function waitUntilQuiet(count, { quietMs = 2_000, timeoutMs = 10_000, pollMs = 50 } = {}) {
  const started = performance.now();
  let last = await count();
  let lastChange = started;
  while (performance.now() - started < timeoutMs && performance.now() - lastChange < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = await count();
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    }
  }
  return { last, drainS: (lastChange - started) / 1000 };
}
