import { canTransition, rollUpPartStatuses } from '@karvon/contract';
import type {
  AcceptedResult,
  CarrierLeaseRepository,
  ClaimCursor,
  ClaimedMessage,
  DispatchRepository,
  ReceiptInput,
  ReceiptRepository,
  ReceiptResult,
} from '../dispatch-repository';
import { json, message, num, numOrNull, type Row, str, strOrNull } from './sql-rows';
import type { SqlDriver, SqlSession, SqlValue } from './sql-session';
import { appendHistory, applyTransition } from './sql-transitions';

// Lanes by `messages.priority`: transactional (1) is always served before marketing (0).
const LANES = [1, 0] as const;
// At most this many accounts are visited per lane and claim; the cursor moves on from the last.
const ACCOUNTS_PER_CLAIM = 64;

const RECEIPT_COLUMNS = [
  'id',
  'carrier',
  'carrier_message_id',
  'state',
  'status',
  'error_code',
  'message_id',
  'outcome',
  'received_at',
  'submitted_at',
  'done_at',
] as const;

function claimed(r: Row): ClaimedMessage {
  return {
    ...message(r),
    attempts: num(r.dispatch_attempts),
    excludedCarriers: json<string[]>(r.excluded_carriers, []),
    carrier: strOrNull(r.carrier),
    interruptedSubmit: r.dispatch_state === 'submitting',
  };
}

/** Accounts with queued messages in a lane, in id order after `after` (wrapping), by index seeks. */
async function laneAccounts(s: SqlSession, priority: number, after: string | undefined): Promise<string[]> {
  const seek = (from: string | null) =>
    s.all<Row>(
      `WITH RECURSIVE a(account_id, n) AS (
         SELECT (SELECT MIN(account_id) FROM messages WHERE status = 'queued' AND priority = $1
                 AND (CAST($2 AS TEXT) IS NULL OR account_id > CAST($2 AS TEXT))), 1
         UNION ALL
         SELECT (SELECT MIN(account_id) FROM messages WHERE status = 'queued' AND priority = $1
                 AND account_id > a.account_id), n + 1
         FROM a WHERE a.account_id IS NOT NULL AND n < $3
       ) SELECT account_id FROM a WHERE account_id IS NOT NULL`,
      [priority, from, ACCOUNTS_PER_CLAIM],
    );
  const accounts = (await seek(after ?? null)).map((r) => str(r.account_id));
  if (after !== undefined && accounts.length < ACCOUNTS_PER_CLAIM) {
    // Wrap around to the accounts before the cursor.
    for (const r of await seek(null)) {
      const id = str(r.account_id);
      if (id > after || accounts.includes(id) || accounts.length >= ACCOUNTS_PER_CLAIM) break;
      accounts.push(id);
    }
  }
  return accounts;
}

/**
 * Records a receipt and applies it. `existing` is the id of a held receipt row
 * being matched again (updated in place instead of inserting a second row).
 */
async function applyReceipt(
  s: SqlSession,
  r: ReceiptInput,
  existing?: { id: string; lock: string },
): Promise<ReceiptResult> {
  if (existing) {
    // Two matchers (the submit's own and the housekeeping job) may hold the same row: the
    // second waits for the first and then finds it no longer held.
    const row = await s.get<Row>(`SELECT outcome FROM carrier_receipts WHERE id = $1${existing.lock}`, [existing.id]);
    if (row?.outcome !== 'held') return { outcome: 'duplicate' };
  }
  const found = await s.get<Row>(
    `SELECT p.id AS part_id, p.message_id, p.status AS part_status, p.attempt, p.submitted_at,
            m.account_id, m.status AS message_status, m.parts_attempt
     FROM message_parts p JOIN messages m ON m.id = p.message_id
     WHERE p.carrier = $1 AND p.carrier_message_id = $2 ORDER BY p.submitted_at DESC LIMIT 1`,
    [r.carrier, r.carrierMessageId],
  );
  let outcome: ReceiptResult['outcome'];
  if (!found) outcome = 'held';
  else if (num(found.attempt) !== num(found.parts_attempt)) outcome = 'stale';
  else if (r.status === null) outcome = 'intermediate';
  else if (found.part_status === r.status) outcome = 'duplicate';
  else if (!canTransition(str(found.part_status), r.status)) outcome = 'stale';
  else outcome = 'applied';

  const messageId = found ? str(found.message_id) : null;
  const submittedAt = found ? numOrNull(found.submitted_at) : null;
  if (existing) {
    await s.run('UPDATE carrier_receipts SET outcome = $1, message_id = $2, submitted_at = $3 WHERE id = $4', [
      outcome,
      messageId,
      submittedAt,
      existing.id,
    ]);
  } else {
    await s.insertMany('carrier_receipts', RECEIPT_COLUMNS, [
      [
        r.id,
        r.carrier,
        r.carrierMessageId,
        r.state,
        r.status,
        r.errorCode,
        messageId,
        outcome,
        r.receivedAt,
        submittedAt,
        r.doneAt,
      ],
    ]);
  }
  if (!found) return { outcome };
  const result: ReceiptResult = { outcome, messageId: str(found.message_id), messageStatus: str(found.message_status) };
  if (outcome !== 'applied' || r.status === null) return result;

  const attempt = num(found.attempt);
  await s.run('UPDATE message_parts SET status = $1, error_code = $2, updated_at = $3 WHERE id = $4', [
    r.status,
    r.errorCode,
    r.receivedAt,
    found.part_id as string,
  ]);
  // Parts the carrier sends no receipt for follow the part that has one.
  await s.run(
    `UPDATE message_parts SET status = $1, updated_at = $2
     WHERE message_id = $3 AND attempt = $4 AND receipt_expected = 0 AND status = 'sent'`,
    [r.status, r.receivedAt, str(found.message_id), attempt],
  );
  const parts = await s.all<Row>('SELECT status FROM message_parts WHERE message_id = $1 AND attempt = $2', [
    str(found.message_id),
    attempt,
  ]);
  const rolledUp = rollUpPartStatuses(parts.map((p) => str(p.status)));
  const current = str(found.message_status);
  if (rolledUp !== current && canTransition(current, rolledUp)) {
    const moved = await applyTransition(s, {
      accountId: str(found.account_id),
      id: str(found.message_id),
      from: current,
      to: rolledUp,
      at: r.receivedAt,
      carrier: r.carrier,
      errorCode: r.errorCode,
      reason: `receipt ${r.state}`,
      notBefore: null,
    });
    if (moved) result.messageStatus = rolledUp;
  }
  return result;
}

function receiptFromRow(r: Row): ReceiptInput {
  return {
    id: str(r.id),
    carrier: str(r.carrier),
    carrierMessageId: str(r.carrier_message_id),
    state: str(r.state),
    status: strOrNull(r.status),
    errorCode: strOrNull(r.error_code),
    receivedAt: num(r.received_at),
    submittedAt: numOrNull(r.submitted_at),
    doneAt: numOrNull(r.done_at),
  };
}

export function createSqlDispatch(driver: SqlDriver): {
  dispatch: DispatchRepository;
  receipts: ReceiptRepository;
  carrierLeases: CarrierLeaseRepository;
} {
  const { read, write } = driver;
  // Rows another process holds are skipped, not waited for (PostgreSQL); SQLite has one writer.
  const skipLocked = driver.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rowLock = driver.dialect === 'postgres' ? ' FOR UPDATE' : '';

  const dispatch: DispatchRepository = {
    promoteScheduled: ({ now, limit }) =>
      write(async (s) => {
        const due = await s.all<Row>(
          `SELECT id, account_id FROM messages
           WHERE status = 'scheduled' AND mode = 'live' AND not_before <= $1 AND dispatch_state IS NULL
           ORDER BY not_before LIMIT $2`,
          [now, limit],
        );
        let moved = 0;
        for (const r of due) {
          const ok = await applyTransition(s, {
            accountId: str(r.account_id),
            id: str(r.id),
            from: 'scheduled',
            to: 'queued',
            at: now,
            carrier: null,
            errorCode: null,
            reason: 'schedule_due',
          });
          if (ok) moved++;
        }
        return moved;
      }),

    claim: ({ owner, now, limit, leaseMs, cursor }) =>
      write(async (s) => {
        const out: ClaimedMessage[] = [];
        const next: Record<number, string> = { ...(cursor ?? {}) };
        for (const lane of LANES) {
          if (out.length >= limit) break;
          const accounts = await laneAccounts(s, lane, cursor?.[lane]);
          if (accounts.length === 0) continue;
          // An equal share per account this round; what one leaves unused goes to the next.
          for (const [index, accountId] of accounts.entries()) {
            const left = limit - out.length;
            if (left <= 0) break;
            const share = Math.max(1, Math.ceil(left / (accounts.length - index)));
            const ids = await s.all<Row>(
              `SELECT id FROM messages
               WHERE status = 'queued' AND priority = $1 AND account_id = $2 AND mode = 'live'
                 AND (not_before IS NULL OR not_before <= $3)
                 AND (dispatch_lease_until IS NULL OR dispatch_lease_until < $3)
               ORDER BY created_at, id LIMIT $4${skipLocked}`,
              [lane, accountId, now, share],
            );
            next[lane] = accountId;
            if (ids.length === 0) continue;
            const params: SqlValue[] = [owner, now + leaseMs];
            const list = ids.map((r) => `$${params.push(str(r.id))}`).join(', ');
            const rows = await s.all<Row>(
              `UPDATE messages SET dispatch_owner = $1, dispatch_lease_until = $2
               WHERE id IN (${list}) AND status = 'queued' RETURNING *`,
              params,
            );
            rows.sort((a, b) => num(a.created_at) - num(b.created_at));
            out.push(...rows.map(claimed));
          }
        }
        return { messages: out, cursor: next as ClaimCursor };
      }),

    beginSubmit: (input) =>
      write(async (s) => {
        const params: SqlValue[] = [input.carrier, input.leaseUntil, input.now, input.id, input.owner];
        const operator = input.operator
          ? `, operator = $${params.push(input.operator.operator)}, operator_source = $${params.push(input.operator.source)}`
          : '';
        const changed = await s.run(
          `UPDATE messages SET dispatch_state = 'submitting', carrier = $1, dispatch_lease_until = $2,
             dispatch_attempts = dispatch_attempts + 1, updated_at = $3${operator}
           WHERE id = $4 AND dispatch_owner = $5 AND status = 'queued'`,
          params,
        );
        return changed === 1;
      }),

    recordAccepted: (input) =>
      write(async (s): Promise<AcceptedResult> => {
        let result: AcceptedResult = 'sent';
        const row = await s.get<Row>(
          `UPDATE messages SET status = 'sent', updated_at = $1, not_before = $2, carrier = $3,
             dispatch_owner = NULL, dispatch_lease_until = NULL, dispatch_state = NULL,
             parts_attempt = dispatch_attempts
           WHERE id = $4 AND status = 'queued' AND dispatch_owner = $5 RETURNING *`,
          [input.now, input.receiptDeadline, input.carrier, input.id, input.owner],
        );
        let attempt: number;
        if (row) {
          attempt = num(row.parts_attempt);
          await appendHistory(
            s,
            input.id,
            { status: 'sent', at: input.now, carrier: input.carrier, errorCode: null, reason: null },
            row,
          );
        } else {
          // The lease ran out during the submit and the message was settled as `unknown`
          // meanwhile: keep the parts, so the carrier's receipt still resolves it.
          const late = await s.get<Row>(
            `UPDATE messages SET parts_attempt = dispatch_attempts, carrier = $1, updated_at = $2
             WHERE id = $3 AND status = 'unknown' RETURNING parts_attempt`,
            [input.carrier, input.now, input.id],
          );
          if (!late) return 'gone';
          attempt = num(late.parts_attempt);
          result = 'late';
        }
        const base = await s.get<Row>('SELECT COALESCE(MAX(seq), 0) AS seq FROM message_parts WHERE message_id = $1', [
          input.id,
        ]);
        const first = num(base?.seq) + 1;
        await s.insertMany(
          'message_parts',
          [
            'id',
            'message_id',
            'seq',
            'carrier',
            'carrier_message_id',
            'status',
            'error_code',
            'submitted_at',
            'updated_at',
            'attempt',
            'receipt_expected',
          ],
          input.carrierMessageIds.map((carrierId, index) => [
            `prt_${input.id.slice(4)}_${first + index}`,
            input.id,
            first + index,
            input.carrier,
            carrierId,
            'sent',
            null,
            input.now,
            input.now,
            attempt,
            input.receiptExpected[index] === false ? 0 : 1,
          ]),
        );
        // Receipts that beat this submit_sm_resp. One the housekeeping job holds is left to it:
        // waiting for it here would take the locks in the opposite order (a deadlock).
        const params: SqlValue[] = [input.carrier];
        const list = input.carrierMessageIds.map((id) => `$${params.push(id)}`).join(', ');
        const held = await s.all<Row>(
          `SELECT * FROM carrier_receipts WHERE outcome = 'held' AND carrier = $1 AND carrier_message_id IN (${list})
           ORDER BY received_at, id${skipLocked}`,
          params,
        );
        for (const h of held) await applyReceipt(s, receiptFromRow(h), { id: str(h.id), lock: rowLock });
        return result;
      }),

    requeue: (input) =>
      write(async (s) => {
        const current = await s.get<Row>(
          `SELECT excluded_carriers FROM messages WHERE id = $1 AND dispatch_owner = $2 AND status = 'queued'`,
          [input.id, input.owner],
        );
        if (!current) return false;
        const excluded = input.resetExclusions ? [] : json<string[]>(current.excluded_carriers, []);
        if (input.exclude !== undefined && !excluded.includes(input.exclude)) excluded.push(input.exclude);
        const undo = input.countsAsAttempt === false ? 1 : 0;
        const changed = await s.run(
          `UPDATE messages SET dispatch_owner = NULL, dispatch_lease_until = NULL,
             dispatch_attempts = dispatch_attempts - CASE WHEN dispatch_state = 'submitting' THEN $1 ELSE 0 END,
             dispatch_state = NULL, not_before = $2, excluded_carriers = $3, updated_at = $4
           WHERE id = $5 AND dispatch_owner = $6 AND status = 'queued'`,
          [undo, input.dueAt, excluded.length > 0 ? JSON.stringify(excluded) : null, input.now, input.id, input.owner],
        );
        return changed === 1;
      }),

    finish: ({ owner, move }) =>
      write(async (s) => {
        const released = await s.run(
          `UPDATE messages SET dispatch_owner = NULL, dispatch_lease_until = NULL, dispatch_state = NULL
           WHERE id = $1 AND dispatch_owner = $2`,
          [move.id, owner],
        );
        if (released !== 1) return false;
        return applyTransition(s, move);
      }),

    renew: ({ owner, leaseUntil }) =>
      write((s) =>
        s.run(`UPDATE messages SET dispatch_lease_until = $1 WHERE dispatch_owner = $2 AND status = 'queued'`, [
          leaseUntil,
          owner,
        ]),
      ),

    release: (owner) =>
      write((s) =>
        s.run(
          `UPDATE messages SET dispatch_owner = NULL, dispatch_lease_until = NULL
           WHERE dispatch_owner = $1 AND dispatch_state IS NULL AND status = 'queued'`,
          [owner],
        ),
      ),

    requeueMessages: ({ ids, now }) =>
      write(async (s) => {
        const done: string[] = [];
        for (const id of ids) {
          const row = await s.get<Row>('SELECT status FROM messages WHERE id = $1', [id]);
          if (!row) continue;
          // `unknown` stays as it is: the state machine has no way back to pending (the carrier may have it).
          if (str(row.status) !== 'queued') continue;
          await s.run(
            `UPDATE messages SET dispatch_owner = NULL, dispatch_lease_until = NULL, dispatch_state = NULL,
               not_before = NULL, updated_at = $1 WHERE id = $2`,
            [now, id],
          );
          done.push(id);
        }
        return done;
      }),

    depth: () =>
      read(async (s) => {
        const rows = await s.all<Row>(
          `SELECT priority, account_id, status, carrier, COUNT(*) AS n, MIN(created_at) AS oldest
           FROM messages WHERE status IN ('queued', 'scheduled') AND mode = 'live'
           GROUP BY priority, account_id, status, carrier ORDER BY priority DESC, account_id`,
        );
        return rows.map((r) => ({
          priority: num(r.priority),
          accountId: str(r.account_id),
          status: str(r.status),
          carrier: strOrNull(r.carrier),
          count: num(r.n),
          oldestCreatedAt: num(r.oldest),
        }));
      }),

    report: ({ since }) =>
      read(async (s) => {
        const rows = await s.all<Row>(
          `SELECT carrier, operator, status, COUNT(*) AS n FROM messages
         WHERE mode = 'live' AND created_at >= $1 GROUP BY carrier, operator, status ORDER BY carrier, operator, status`,
          [since],
        );
        return rows.map((r) => ({
          carrier: strOrNull(r.carrier),
          operator: strOrNull(r.operator),
          status: str(r.status),
          count: num(r.n),
        }));
      }),
  };

  const receipts: ReceiptRepository = {
    apply: (receipt) => write((s) => applyReceipt(s, receipt)),

    matchHeld: ({ unmatchedBefore, limit }) =>
      write(async (s) => {
        const held = await s.all<Row>(
          `SELECT * FROM carrier_receipts WHERE outcome = 'held' ORDER BY received_at, id LIMIT $1${skipLocked}`,
          [limit],
        );
        let matched = 0;
        let unmatched = 0;
        for (const h of held) {
          const result = await applyReceipt(s, receiptFromRow(h), { id: str(h.id), lock: rowLock });
          if (result.outcome !== 'held') matched++;
          else if (num(h.received_at) < unmatchedBefore) {
            await s.run(`UPDATE carrier_receipts SET outcome = 'unmatched' WHERE id = $1`, [str(h.id)]);
            unmatched++;
          }
        }
        return { matched, unmatched };
      }),

    expireWaiting: ({ now, limit }) =>
      write(async (s) => {
        const due = await s.all<Row>(
          `SELECT id, account_id, carrier FROM messages
           WHERE status = 'sent' AND mode = 'live' AND not_before <= $1 ORDER BY not_before LIMIT $2`,
          [now, limit],
        );
        let moved = 0;
        for (const r of due) {
          const ok = await applyTransition(s, {
            accountId: str(r.account_id),
            id: str(r.id),
            from: 'sent',
            to: 'unknown',
            at: now,
            carrier: strOrNull(r.carrier),
            errorCode: null,
            reason: 'receipt_timeout',
            notBefore: null,
          });
          if (ok) moved++;
        }
        return moved;
      }),

    counts: (since) =>
      read(async (s) => {
        const rows = await s.all<Row>(
          `SELECT carrier, outcome, COUNT(*) AS n, AVG(CASE WHEN received_at > submitted_at THEN received_at - submitted_at ELSE 0 END) AS latency
           FROM carrier_receipts WHERE received_at >= $1 GROUP BY carrier, outcome ORDER BY carrier, outcome`,
          [since],
        );
        return rows.map((r) => ({
          carrier: str(r.carrier),
          outcome: str(r.outcome),
          count: num(r.n),
          meanLatencyMs: r.latency === null || r.latency === undefined ? null : Math.round(num(r.latency)),
        }));
      }),
  };

  const carrierLeases: CarrierLeaseRepository = {
    acquire: ({ carrier, owner, slots, want: wanted, now, ttlMs }) =>
      write(async (s) => {
        const until = now + ttlMs;
        let want = wanted;
        await s.run(
          `INSERT INTO gateway_processes (owner, heartbeat_at) VALUES ($1, $2)
           ON CONFLICT (owner) DO UPDATE SET heartbeat_at = $2`,
          [owner, now],
        );
        // An even share among the processes alive now; the rest is left for the others.
        const alive = await s.get<Row>('SELECT COUNT(*) AS n FROM gateway_processes WHERE heartbeat_at >= $1', [
          now - ttlMs,
        ]);
        want = Math.min(want, Math.ceil(slots / Math.max(1, num(alive?.n))));
        await s.run('DELETE FROM carrier_leases WHERE carrier = $1 AND expires_at < $2', [carrier, now]);
        await s.run('DELETE FROM gateway_processes WHERE heartbeat_at < $1', [now - 10 * ttlMs]);
        await s.run('UPDATE carrier_leases SET expires_at = $1 WHERE carrier = $2 AND owner = $3', [
          until,
          carrier,
          owner,
        ]);
        const taken = await s.all<Row>('SELECT slot, owner FROM carrier_leases WHERE carrier = $1', [carrier]);
        const mine = taken.filter((r) => r.owner === owner).map((r) => num(r.slot));
        const used = new Set(taken.map((r) => num(r.slot)));
        for (let slot = 0; slot < slots && mine.length < want; slot++) {
          if (used.has(slot)) continue;
          const inserted = await s.run(
            `INSERT INTO carrier_leases (carrier, slot, owner, expires_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (carrier, slot) DO NOTHING`,
            [carrier, slot, owner, until],
          );
          if (inserted === 1) mine.push(slot);
        }
        // Beyond what it wants (the profile shrank): give the highest slots back.
        mine.sort((a, b) => a - b);
        for (const slot of mine.splice(Math.max(0, want))) {
          await s.run('DELETE FROM carrier_leases WHERE carrier = $1 AND slot = $2 AND owner = $3', [
            carrier,
            slot,
            owner,
          ]);
        }
        return mine;
      }),

    release: ({ owner, carrier }) =>
      write(async (s) => {
        if (carrier === undefined) {
          await s.run('DELETE FROM carrier_leases WHERE owner = $1', [owner]);
          await s.run('DELETE FROM gateway_processes WHERE owner = $1', [owner]);
        } else await s.run('DELETE FROM carrier_leases WHERE owner = $1 AND carrier = $2', [owner, carrier]);
      }),

    list: () =>
      read(async (s) => {
        const rows = await s.all<Row>('SELECT * FROM carrier_leases ORDER BY carrier, slot');
        return rows.map((r) => ({
          carrier: str(r.carrier),
          slot: num(r.slot),
          owner: str(r.owner),
          expiresAt: num(r.expires_at),
        }));
      }),
  };

  return { dispatch, receipts, carrierLeases };
}
