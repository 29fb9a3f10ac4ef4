import type { MessagePartRecord, MessageRecord, MessageWithHistory, StatusHistoryRecord } from '../repository';
import type { SqlSession } from './sql-session';

// Row mappers and statements shared by the repository modules (messages, dispatch, receipts).

export type Row = Record<string, unknown>;

export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

export function message(r: Row): MessageRecord {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    to: str(r.to_number),
    from: str(r.from_sender),
    body: strOrNull(r.body),
    type: str(r.type),
    encoding: str(r.encoding),
    segments: num(r.segments),
    price: num(r.price),
    currency: str(r.currency),
    status: str(r.status),
    priority: num(r.priority),
    notBefore: numOrNull(r.not_before),
    scheduledAt: strOrNull(r.scheduled_at),
    expiresAt: numOrNull(r.expires_at),
    operator: strOrNull(r.operator),
    operatorSource: strOrNull(r.operator_source),
    mode: r.mode === 'test' ? 'test' : 'live',
    country: strOrNull(r.country),
    templateId: strOrNull(r.template_id),
    templateVersion: numOrNull(r.template_version),
    clientReference: strOrNull(r.client_reference),
    metadata: json<Record<string, string> | null>(r.metadata, null),
    callbackUrl: strOrNull(r.callback_url),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

export function history(r: Row): StatusHistoryRecord {
  return {
    status: str(r.status),
    at: num(r.at),
    carrier: strOrNull(r.carrier),
    errorCode: strOrNull(r.error_code),
    reason: strOrNull(r.reason),
  };
}

export function part(r: Row): MessagePartRecord {
  return {
    id: str(r.id),
    seq: num(r.seq),
    carrier: strOrNull(r.carrier),
    carrierMessageId: strOrNull(r.carrier_message_id),
    status: str(r.status),
    errorCode: strOrNull(r.error_code),
    submittedAt: numOrNull(r.submitted_at),
    updatedAt: num(r.updated_at),
  };
}

export const LEDGER_COLUMNS = [
  'id',
  'account_id',
  'amount',
  'currency',
  'reason',
  'message_id',
  'parts',
  'balance_after',
  'created_at',
] as const;

export async function loadMessage(
  s: SqlSession,
  accountId: string,
  id: string,
): Promise<MessageWithHistory | undefined> {
  const row = await s.get<Row>('SELECT * FROM messages WHERE id = $1 AND account_id = $2', [id, accountId]);
  if (!row) return undefined;
  const [h, p] = await Promise.all([
    s.all<Row>('SELECT * FROM status_history WHERE message_id = $1 ORDER BY seq', [id]),
    s.all<Row>('SELECT * FROM message_parts WHERE message_id = $1 ORDER BY seq', [id]),
  ]);
  return { ...message(row), history: h.map(history), parts: p.map(part) };
}
