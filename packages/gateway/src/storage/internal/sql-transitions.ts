import type { MessageTransition, StatusHistoryRecord } from '../repository';
import { emitMessageEvent } from './sql-events';
import { LEDGER_COLUMNS, num, type Row, str } from './sql-rows';
import type { SqlSession, SqlValue } from './sql-session';

/**
 * The history row of a status change, and its event (with its webhook deliveries) in the same
 * transaction: a status change and its event are written together or not at all.
 */
export async function appendHistory(
  s: SqlSession,
  messageId: string,
  entry: StatusHistoryRecord,
  /** The message row as the status change left it (an UPDATE … RETURNING *), so the event needs no second read. */
  row?: Row,
): Promise<void> {
  const next = await s.get<Row>('SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM status_history WHERE message_id = $1', [
    messageId,
  ]);
  const sequence = num(next?.seq);
  await s.run(
    `INSERT INTO status_history (message_id, seq, status, at, carrier, error_code, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [messageId, sequence, entry.status, entry.at, entry.carrier, entry.errorCode, entry.reason],
  );
  await emitMessageEvent(s, {
    messageId,
    sequence,
    status: entry.status,
    at: entry.at,
    errorCode: entry.errorCode,
    reason: entry.reason,
    ...(row ? { row } : {}),
  });
}

/**
 * A compare-and-set move of one message (see `MessageTransition`): the status
 * changes only if it is still `from`, with its history row and, when asked,
 * the refund of the whole price. Returns false when another writer moved it first.
 */
export async function applyTransition(s: SqlSession, move: MessageTransition): Promise<boolean> {
  const params: SqlValue[] = [move.to, move.at, move.id, move.accountId, move.from];
  const notBefore = move.notBefore !== undefined ? `, not_before = $${params.push(move.notBefore)}` : '';
  const row = await s.get<Row>(
    `UPDATE messages SET status = $1, updated_at = $2${notBefore}
     WHERE id = $3 AND account_id = $4 AND status = $5 RETURNING *`,
    params,
  );
  if (!row) return false;
  await appendHistory(
    s,
    move.id,
    { status: move.to, at: move.at, carrier: move.carrier, errorCode: move.errorCode, reason: move.reason },
    row,
  );
  if (move.refund) {
    const price = num(row.price);
    const bal = await s.get<Row>('UPDATE accounts SET balance = balance + $1 WHERE id = $2 RETURNING balance', [
      price,
      move.accountId,
    ]);
    await s.insertMany('ledger_entries', LEDGER_COLUMNS, [
      [
        move.refund.ledgerEntryId,
        move.accountId,
        price,
        str(row.currency),
        'message_refund',
        move.id,
        num(row.segments),
        num(bal?.balance),
        move.at,
      ],
    ]);
  }
  return true;
}
