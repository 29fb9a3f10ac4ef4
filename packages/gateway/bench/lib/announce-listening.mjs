// The child half of child-server.mjs: the line protocol on stdout, and the
// rules that make a child server exit cleanly.

export const LISTENING_PREFIX = 'KARVON_BENCH_LISTENING ';
export const STATS_PREFIX = 'KARVON_BENCH_STATS ';

/**
 * Tells the parent which port `server` (a listening node:http server) got, and
 * arranges for the process to exit when the parent says so (SIGTERM/SIGINT)
 * or disappears (stdin closes). `getStats` may return a JSON-able summary,
 * printed just before exit.
 */
export function announceListening(server, { getStats, onClose } = {}) {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on TCP');
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.closeAllConnections?.();
    server.close();
    if (getStats) process.stdout.write(`${STATS_PREFIX}${JSON.stringify(getStats())}\n`);
    onClose?.();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
  process.stdout.write(`${LISTENING_PREFIX}${address.port}\n`);
}
