import type { Session } from 'smpp';

const corked = new WeakSet<Session>();

/**
 * The `smpp` package writes each PDU with its own `socket.write`, one system call each. Corking
 * the socket until the next tick turns a burst of responses and receipts into one `writev`:
 * the simulator must never be the bottleneck of a benchmark.
 */
export function corkUntilNextTick(session: Session): void {
  if (corked.has(session)) return;
  corked.add(session);
  session.socket.cork();
  process.nextTick(() => {
    corked.delete(session);
    session.socket.uncork();
  });
}
