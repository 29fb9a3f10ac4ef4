// The load shape every HTTP benchmark in this folder uses, overridable from the
// environment so a quick smoke run (`BENCH_DURATION_S=1 BENCH_RUNS=1 pnpm bench`)
// exercises the same code as the real one.

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Reads the settings once per process; throws on a bad override rather than measuring something else. */
export function readBenchSettings() {
  return {
    connections: positiveNumber('BENCH_CONNECTIONS', 64),
    pipelining: positiveNumber('BENCH_PIPELINING', 1),
    durationSeconds: positiveNumber('BENCH_DURATION_S', 8),
    warmupSeconds: positiveNumber('BENCH_WARMUP_S', 2),
    runs: positiveNumber('BENCH_RUNS', 3),
    // How long to wait for other work on the machine to calm down before each run.
    quietWaitSeconds: positiveNumber('BENCH_QUIET_WAIT_S', 3),
  };
}
