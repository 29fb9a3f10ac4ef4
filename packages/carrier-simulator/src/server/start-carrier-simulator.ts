import type { AddressInfo } from 'node:net';
import { createServer, type PDU, type Session } from 'smpp';
import { BIND_COMMANDS, canReceive, canTransmit } from '../binds/bind-mode';
import { BindRegistry } from '../binds/bind-registry';
import type { FaultSpec } from '../faults/fault';
import { createFaultRegistry, type FaultController } from '../faults/fault-controller';
import { formatMessageId, messageIdStyles } from '../message-ids/message-id-format';
import { readSubmit, type SubmittedMessage } from '../messages/read-submit';
import { type MoMessage, moDeliverFields } from '../mo/mo-message';
import { carrierOutcome } from '../outcomes/carrier-outcome';
import { type PlannedReceipt, planReceipts } from '../receipts/plan-receipts';
import { receiptBytes } from '../receipts/receipt-bytes';
import { RECEIPT_STATES, type ReceiptState } from '../receipts/receipt-state';
import { formatReceiptText } from '../receipts/receipt-text';
import { PduStats, type SimulatorStats } from '../stats/pdu-stats';
import {
  type CarrierSimulatorOptions,
  carrierSimulatorOptionsSchema,
  type SimulatorAccount,
} from './carrier-simulator-options';
import { corkUntilNextTick } from './cork-until-next-tick';
import { Outbox } from './outbox';
import { STATUS } from './smpp-status';
import { submitSmRespBytes } from './submit-sm-resp-bytes';
import { TimerBuckets } from './timer-buckets';

/** A submit_sm the simulator accepted. */
export interface Submission extends SubmittedMessage {
  readonly account: string;
  /** The id in the submit_sm_resp. */
  readonly messageId: string;
  /** The same message's id as the receipt writes it. */
  readonly receiptId: string;
  readonly receivedAt: number;
}

/** A running simulator. */
export interface CarrierSimulator {
  readonly host: string;
  readonly port: number;
  /** `smpp://host:port`. */
  readonly url: string;
  /** Faults on command. */
  readonly faults: FaultController;
  /** PDU counts; duplicates by (source, destination, short_message). */
  stats(): SimulatorStats;
  /** Every submit_sm accepted, in order. */
  submissions(): readonly Submission[];
  /** Zeroes the counts and forgets the submissions; binds and faults stay. */
  reset(): void;
  /**
   * Sends an inbound message to the account's receiving bind (waiting for one if none is
   * open); resolves once the ESME acknowledged every part.
   */
  injectMo(message: MoMessage): Promise<{ readonly parts: number; readonly statuses: readonly number[] }>;
  /** Resolves when no receipt is scheduled and none waits for a receiving bind. */
  idle(): Promise<void>;
  /** Closes every bind and the listener, and cancels scheduled receipts. */
  close(): Promise<void>;
}

type Account = Required<SimulatorAccount>;

const SUBMIT_FAULTS = [
  'throttle',
  'queue-full',
  'reject',
  'stall',
  'slow-response',
  'receipt-before-response',
] as const;

/**
 * Starts an SMPP 3.4 SMSC on loopback: binds with credentials, submit_sm answered with ids in
 * the account's format, delivery receipts by the sandbox magic numbers, MO messages and faults
 * on command.
 */
export async function startCarrierSimulator(options: CarrierSimulatorOptions): Promise<CarrierSimulator> {
  carrierSimulatorOptionsSchema.parse(options);
  const now = options.now ?? Date.now;
  const accounts = new Map<string, Account>(
    options.accounts.map((a) => [
      a.systemId,
      {
        systemId: a.systemId,
        password: a.password,
        maxBinds: a.maxBinds ?? 4,
        messageIdFormat: a.messageIdFormat ?? 'decimal',
        receiptDelayMs: a.receiptDelayMs ?? 0,
        receiptsFor: a.receiptsFor ?? 'every-part',
        receiptTimeZone: a.receiptTimeZone ?? 'UTC',
        receiptDateSeconds: a.receiptDateSeconds ?? false,
        receiptedMessageId: a.receiptedMessageId ?? 'receipt',
      },
    ]),
  );
  const firstAccount = options.accounts[0]!.systemId;
  const smscId = options.systemId ?? 'KARVONSIM';
  const binds = new BindRegistry();
  const stats = new PduStats();
  const timers = new TimerBuckets();
  let submissions: Submission[] = [];
  let nextNumber = BigInt(options.firstMessageId ?? 1_000_000);
  let pendingDeliveries = 0;
  let idleWaiters: (() => void)[] = [];

  const send = (session: Session, pdu: PDU) => {
    corkUntilNextTick(session);
    if (session.send(pdu)) stats.sent(pdu.command);
  };
  const later = (ms: number, run: () => void) => timers.after(ms, run);
  const settle = () => {
    if (pendingDeliveries > 0 || outbox.waiting > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const outbox = new Outbox(binds, corkUntilNextTick, (fields) => {
    stats.sent('deliver_sm');
    if (((fields.esm_class as number) & 0x04) !== 0) stats.receiptsSent += 1;
    else stats.moSent += 1;
  });

  const drop = (spec: FaultSpec) => {
    for (const bind of binds.list(spec.account)) bind.session.destroy();
  };
  const faults = createFaultRegistry(drop);

  const deliverTracked = (account: string, fields: Record<string, unknown>) => {
    pendingDeliveries += 1;
    return outbox.deliver(account, fields).finally(() => {
      pendingDeliveries -= 1;
      settle();
    });
  };

  const sendReceipt = (account: Account, submission: Submission, receipt: PlannedReceipt) => {
    const state: ReceiptState = receipt.state;
    const text = formatReceiptText({
      id: submission.receiptId,
      state,
      error: receipt.error,
      submittedAt: submission.receivedAt,
      doneAt: now(),
      text: submission.text,
      timeZone: account.receiptTimeZone,
      seconds: account.receiptDateSeconds,
    });
    const fields: Record<string, unknown> = {
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: submission.destination,
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      destination_addr: submission.source,
      esm_class: 0x04,
      data_coding: 0,
      short_message: receiptBytes(text),
      message_state: RECEIPT_STATES[state],
    };
    if (account.receiptedMessageId !== 'omit')
      fields.receipted_message_id =
        account.receiptedMessageId === 'response' ? submission.messageId : submission.receiptId;
    // network_error_code: network type 3 (GSM) and the error, for a failed message.
    if (receipt.error !== '000')
      fields.network_error_code = Buffer.from([3, 0, Number.parseInt(receipt.error, 10) & 0xff]);
    void deliverTracked(account.systemId, fields);
  };

  const scheduleReceipts = (account: Account, submission: Submission, plan: readonly PlannedReceipt[]) => {
    // Counted as pending from now, so idle() waits for receipts still on a timer.
    pendingDeliveries += plan.length;
    for (const receipt of plan)
      later(receipt.afterMs, () => {
        pendingDeliveries -= 1;
        sendReceipt(account, submission, receipt);
        settle();
      });
  };

  const onSubmit = (session: Session, account: Account, pdu: PDU) => {
    const message = readSubmit(pdu);
    stats.submit(message.source, message.destination, message.content);
    const { systemId } = account;
    if (faults.dropDue(systemId, message.destination)) {
      session.destroy();
      return;
    }
    const fault = faults.take(SUBMIT_FAULTS, systemId, message.destination);
    if (fault?.kind === 'stall') return;
    if (fault?.kind === 'throttle') return send(session, pdu.response({ command_status: STATUS.ESME_RTHROTTLED }));
    if (fault?.kind === 'queue-full') return send(session, pdu.response({ command_status: STATUS.ESME_RMSGQFUL }));
    if (fault?.kind === 'reject') return send(session, pdu.response({ command_status: fault.status }));

    const n = nextNumber++;
    const styles = messageIdStyles(account.messageIdFormat);
    const submission: Submission = {
      ...message,
      account: systemId,
      messageId: formatMessageId(n, styles.response),
      receiptId: formatMessageId(n, styles.receipt),
      receivedAt: now(),
    };
    submissions.push(submission);

    const take = (kind: FaultSpec['kind']) => faults.take([kind], systemId, message.destination);
    const repeat = take('repeat-receipt');
    const intermediate = take('intermediate-receipts');
    const plan = planReceipts({
      registeredDelivery: message.registeredDelivery,
      lastPart: message.part === null || message.part.sequence === message.part.total,
      receiptsFor: account.receiptsFor,
      outcome: carrierOutcome(message.destination, options.outcomeDelays),
      receiptDelayMs: account.receiptDelayMs,
      faults: {
        none: take('no-receipt') !== null,
        instant: take('instant-receipt') !== null,
        ...(repeat?.kind === 'repeat-receipt' ? { times: repeat.times ?? 2 } : {}),
        ...(intermediate?.kind === 'intermediate-receipts'
          ? { intermediate: intermediate.states ?? ['ACCEPTD', 'ENROUTE'] }
          : {}),
      },
    });
    const respBytes = submitSmRespBytes(pdu.sequence_number, submission.messageId);
    const sendResp = () => {
      if (!session.socket.writable) return;
      corkUntilNextTick(session);
      session.socket.write(respBytes);
      stats.sent('submit_sm_resp');
    };

    if (fault?.kind === 'receipt-before-response') {
      // The receipts go out now, at once; the response follows once they are on the wire.
      scheduleReceipts(
        account,
        submission,
        plan.map((r) => ({ ...r, afterMs: 0 })),
      );
      later(fault.responseDelayMs ?? 50, sendResp);
      return;
    }
    if (fault?.kind === 'slow-response') {
      later(fault.delayMs, () => {
        sendResp();
        scheduleReceipts(account, submission, plan);
      });
      return;
    }
    sendResp();
    scheduleReceipts(account, submission, plan);
  };

  const onBind = (session: Session, pdu: PDU) => {
    const mode = BIND_COMMANDS[pdu.command]!;
    const reply = (status: number) => send(session, pdu.response({ command_status: status, system_id: smscId }));
    if (binds.of(session) !== undefined) return reply(STATUS.ESME_RALYBND);
    const account = accounts.get(pdu.system_id ?? '');
    if (account === undefined) return reply(STATUS.ESME_RINVSYSID);
    if (account.password !== (pdu.password ?? '')) return reply(STATUS.ESME_RINVPASWD);
    if (binds.count(account.systemId) >= account.maxBinds) return reply(STATUS.ESME_RBINDFAIL);
    binds.add({ session, account: account.systemId, mode });
    reply(STATUS.ESME_ROK);
    if (canReceive(mode)) outbox.flush(account.systemId);
  };

  const onPdu = (session: Session, pdu: PDU) => {
    stats.received(pdu.command);
    if (pdu.isResponse()) return;
    if (pdu.command in BIND_COMMANDS) return onBind(session, pdu);
    if (pdu.command === 'enquire_link') return send(session, pdu.response());
    const bind = binds.of(session);
    if (pdu.command === 'unbind') {
      send(session, pdu.response());
      binds.remove(session);
      outbox.closed(session);
      session.close();
      return;
    }
    if (pdu.command === 'submit_sm') {
      if (bind === undefined || !canTransmit(bind.mode))
        return send(session, pdu.response({ command_status: STATUS.ESME_RINVBNDSTS }));
      return onSubmit(session, accounts.get(bind.account)!, pdu);
    }
    // Everything else (query_sm, data_sm, submit_multi, unknown ids…) is not offered.
    send(session, pdu.response({ command_status: STATUS.ESME_RINVCMDID }));
  };

  const server = createServer({}, (session) => {
    session.on('pdu', (pdu: PDU) => onPdu(session, pdu));
    // A client that vanishes mid-PDU is the point of some tests: nothing to report.
    session.on('error', () => {});
    session.on('close', () => {
      binds.remove(session);
      outbox.closed(session);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    host: address.address,
    port: address.port,
    url: `smpp://${address.address}:${address.port}`,
    faults: {
      set: (spec) => faults.set(spec),
      clear: (id) => faults.clear(id),
      list: () => faults.list(),
    },
    stats: () => stats.snapshot(binds.byAccount()),
    submissions: () => [...submissions],
    reset() {
      stats.reset();
      submissions = [];
    },
    async injectMo(message) {
      const account = message.account ?? firstAccount;
      if (!accounts.has(account)) throw new Error(`Unknown account ${account}`);
      const statuses = await Promise.all(moDeliverFields(message).map((f) => deliverTracked(account, f)));
      return { parts: statuses.length, statuses };
    },
    idle() {
      if (pendingDeliveries === 0 && outbox.waiting === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      timers.clear();
      for (const bind of binds.list()) bind.session.destroy();
      for (const session of [...server.sessions]) session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
