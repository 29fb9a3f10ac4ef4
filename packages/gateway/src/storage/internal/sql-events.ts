import { createId, eventForStatus } from '@karvon/contract';
import { type MessageEventSnapshot, messageEventEnvelope } from '../../events/message-event-envelope';
import { json, message, num, type Row, str, strOrNull } from './sql-rows';
import type { SqlSession, SqlValue } from './sql-session';

/** One event to write in the transaction that caused it. */
export interface NewEvent {
  id: string;
  accountId: string;
  type: string;
  messageId: string | null;
  messageSeq: number | null;
  occurredAt: number;
  /** The webhook body, exactly as it will be sent. */
  payload: string;
  /** The message's own callbackUrl, signed with the account's default endpoint secret. */
  callbackUrl: string | null;
}

const EVENT_COLUMNS = ['id', 'account_id', 'type', 'message_id', 'message_seq', 'occurred_at', 'payload'] as const;
const DELIVERY_COLUMNS = [
  'event_id',
  'target',
  'account_id',
  'endpoint_id',
  'url',
  'event_seq',
  'state',
  'attempts',
  'next_attempt_at',
  'created_at',
] as const;

/**
 * Writes events and their deliveries: one per endpoint of the account that subscribes to the
 * type (no list = every type), and one to the message's callbackUrl. Disabled endpoints get
 * none (their events stay in the outbox for replay).
 */
export async function emitEvents(s: SqlSession, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await s.insertMany(
    'events',
    EVENT_COLUMNS,
    events.map((e) => [e.id, e.accountId, e.type, e.messageId, e.messageSeq, e.occurredAt, e.payload]),
  );
  const accounts = [...new Set(events.map((e) => e.accountId))];
  const params: SqlValue[] = [];
  const list = accounts.map((a) => `$${params.push(a)}`).join(', ');
  const endpoints = await s.all<Row>(
    `SELECT id, account_id, url, events FROM webhook_endpoints
     WHERE account_id IN (${list}) AND disabled_at IS NULL ORDER BY created_at, id`,
    params,
  );
  const wantsCallback = events.some((e) => e.callbackUrl !== null);
  if (endpoints.length === 0 && !wantsCallback) return;
  const idParams: SqlValue[] = [];
  const ids = events.map((e) => `$${idParams.push(e.id)}`).join(', ');
  const seqs = new Map(
    (await s.all<Row>(`SELECT id, seq FROM events WHERE id IN (${ids})`, idParams)).map((r) => [str(r.id), num(r.seq)]),
  );
  const rows: SqlValue[][] = [];
  for (const event of events) {
    const seq = seqs.get(event.id) as number;
    const mine = endpoints.filter((e) => e.account_id === event.accountId);
    for (const endpoint of mine) {
      const types = json<string[]>(endpoint.events, []);
      if (types.length > 0 && !types.includes(event.type)) continue;
      rows.push([
        event.id,
        str(endpoint.id),
        event.accountId,
        str(endpoint.id),
        str(endpoint.url),
        seq,
        'pending',
        0,
        event.occurredAt,
        event.occurredAt,
      ]);
    }
    // The callback is signed with the account's default (oldest) endpoint's secret: no endpoint, no callback.
    if (event.callbackUrl !== null && mine.length > 0) {
      rows.push([
        event.id,
        // Per account: one account's slow callback URL holds only its own delivery slots.
        `callback:${event.accountId}`,
        event.accountId,
        str(mine[0]?.id),
        event.callbackUrl,
        seq,
        'pending',
        0,
        event.occurredAt,
        event.occurredAt,
      ]);
    }
  }
  if (rows.length > 0) await s.insertMany('webhook_deliveries', DELIVERY_COLUMNS, rows);
}

function snapshot(r: Row): MessageEventSnapshot {
  return { ...message(r), carrier: strOrNull(r.carrier) };
}

/** The event of a status change just written (history row `sequence`), if the status has one. */
export async function emitMessageEvent(
  s: SqlSession,
  input: {
    messageId: string;
    sequence: number;
    status: string;
    at: number;
    errorCode: string | null;
    reason: string | null;
    /** The message row as the status change left it (UPDATE … RETURNING *); read when absent. */
    row?: Row;
  },
): Promise<void> {
  const type = eventForStatus(input.status);
  if (type === undefined) return;
  const row = input.row ?? (await s.get<Row>('SELECT * FROM messages WHERE id = $1', [input.messageId]));
  if (!row) return;
  const id = createId('event', { now: input.at });
  const error =
    input.errorCode !== null && ['failed', 'bounced', 'expired', 'unknown'].includes(input.status)
      ? { code: input.errorCode, reason: input.reason ?? '' }
      : undefined;
  await emitEvents(s, [
    {
      id,
      accountId: str(row.account_id),
      type,
      messageId: input.messageId,
      messageSeq: input.sequence,
      occurredAt: input.at,
      payload: messageEventEnvelope({
        eventId: id,
        type,
        occurredAt: input.at,
        sequence: input.sequence,
        message: snapshot(row),
        error,
      }),
      callbackUrl: strOrNull(row.callback_url),
    },
  ]);
}

/** The `message.queued` events of messages just accepted (scheduled ones have none yet). */
export function acceptedMessageEvents(
  accountId: string,
  messages: readonly (MessageEventSnapshot & { createdAt: number; callbackUrl: string | null })[],
): NewEvent[] {
  return messages.flatMap((m) => {
    const type = eventForStatus(m.status);
    if (type === undefined) return [];
    const id = createId('event', { now: m.createdAt });
    return [
      {
        id,
        accountId,
        type,
        messageId: m.id,
        messageSeq: 0,
        occurredAt: m.createdAt,
        payload: messageEventEnvelope({ eventId: id, type, occurredAt: m.createdAt, sequence: 0, message: m }),
        callbackUrl: m.callbackUrl,
      },
    ];
  });
}
