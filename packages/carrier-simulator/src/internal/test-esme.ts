// Test helper (never exported): an ESME on the `smpp` package's client, as a gateway would be.
import { connect, type PDU, type Session } from 'smpp';
import type { BindMode } from '../binds/bind-mode';

export interface TestEsme {
  readonly session: Session;
  /** command_status of the bind_*_resp. */
  readonly bindStatus: number;
  /** deliver_sm received, in order (each answered with deliver_sm_resp status 0). */
  readonly deliveries: PDU[];
  submit(fields: Record<string, unknown>): Promise<PDU>;
  /** Resolves once `n` deliver_sm arrived (or rejects after `timeoutMs`). */
  waitForDeliveries(n: number, timeoutMs?: number): Promise<PDU[]>;
  /** Resolves when the server closes the connection. */
  closed(): Promise<void>;
  close(): Promise<void>;
}

export async function connectEsme(
  address: { host: string; port: number },
  options: { systemId?: string; password?: string; mode?: BindMode } = {},
): Promise<TestEsme> {
  const session = connect({ host: address.host, port: address.port });
  session.on('error', () => {});
  const deliveries: PDU[] = [];
  let waiters: (() => void)[] = [];
  let isClosed = false;
  const closeWaiters: (() => void)[] = [];
  session.on('close', () => {
    isClosed = true;
    for (const w of closeWaiters) w();
  });
  session.on('deliver_sm', (pdu: PDU) => {
    deliveries.push(pdu);
    session.send(pdu.response());
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  const bind = `bind_${options.mode ?? 'transceiver'}` as const;
  const bindResp = await new Promise<PDU>((resolve) =>
    session[bind]({ system_id: options.systemId ?? 'acme', password: options.password ?? 'secret' }, resolve),
  );
  return {
    session,
    bindStatus: bindResp.command_status,
    deliveries,
    submit: (fields) => new Promise((resolve) => session.submit_sm(fields, resolve)),
    waitForDeliveries(n, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (deliveries.length < n) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve(deliveries.slice(0, n));
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== check);
          reject(new Error(`Expected ${n} deliver_sm, got ${deliveries.length}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
    closed: () => (isClosed ? Promise.resolve() : new Promise((resolve) => closeWaiters.push(resolve))),
    close: () => (isClosed ? Promise.resolve() : new Promise((resolve) => session.destroy(() => resolve()))),
  };
}

/** The text of a deliver_sm as the `smpp` client decoded it. */
export function deliveredText(pdu: PDU): string {
  const body = pdu.short_message;
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('latin1');
  return typeof body.message === 'string' ? body.message : body.message.toString('latin1');
}
