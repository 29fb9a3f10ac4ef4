/** A background job: `run` every `intervalMs`, never two runs at once. */
export interface IntervalJob {
  /** Runs once now (after any run in flight); resolves with the run's result. */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * Starts `run` on a timer that re-arms only after a run finishes, so a slow
 * database never stacks runs up. The timer is unref'd: a job alone never
 * keeps the process alive. Errors go to `onError` and the job keeps going.
 */
export function startIntervalJob(input: {
  intervalMs: number;
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
}): IntervalJob {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const runOnce = () => {
    current = current.then(() => input.run().then(() => undefined, input.onError));
    return current;
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().then(arm);
    }, input.intervalMs);
    timer.unref();
  };
  arm();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
