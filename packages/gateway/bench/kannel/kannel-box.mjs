import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';

// setpriv (util-linux) asks the kernel to SIGKILL the box when this process dies, even by
// SIGKILL, when no exit hook can run. Without setpriv the exit hook below is the only guard.
const SETPRIV = '/usr/bin/setpriv';

const live = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/**
 * Starts a Kannel box (bearerbox or smsbox) in the foreground as a child process: not a daemon,
 * so its pid is ours to stop. Its console output goes to `outputPath`; the box's own log is the
 * `log-file` in the config.
 *
 * @returns {{ name: string, pid: number, running(): boolean, exited: Promise<{ code: number | null, signal: string | null }>,
 *   stop(timeoutMs?: number): Promise<void> }}
 *   stop(): SIGTERM, then SIGKILL after timeoutMs (default 5 s).
 */
export function startKannelBox(binary, configPath, outputPath) {
  installExitHook();
  const output = openSync(outputPath, 'a');
  // -v 4: only panics on the console; warnings and errors go to the log-file at log-level 2.
  const boxArgs = [binary, '-v', '4', configPath];
  const [command, args] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'KILL', ...boxArgs]]
    : [binary, boxArgs.slice(1)];
  const child = spawn(command, args, { stdio: ['ignore', output, output] });
  closeSync(output);
  live.add(child);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name: binary.split('/').pop(),
    pid: child.pid,
    running,
    exited,
    async stop(timeoutMs = 5_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(forced);
    },
  };
}
