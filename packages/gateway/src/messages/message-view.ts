import type { Message, MessageId, MessagePartId } from '@karvon/contract';
import type { MessageRecord, MessageWithHistory } from '../storage/repository';

const iso = (ms: number) => new Date(ms).toISOString();

/** A stored message as the wire `Message` (GET /status/{id}, GET /messages). */
export function messageView(record: MessageRecord | MessageWithHistory): Message {
  const view: Message = {
    id: record.id as MessageId,
    status: record.status,
    to: record.to,
    from: record.from,
    type: record.type,
    encoding: record.encoding,
    segments: record.segments,
    price: { amount: record.price, currency: record.currency },
    createdAt: iso(record.createdAt),
    history: [],
  };
  if (record.scheduledAt !== null) view.scheduledAt = record.scheduledAt;
  if (record.clientReference !== null) view.clientReference = record.clientReference;
  if (record.metadata !== null) view.metadata = record.metadata;
  if ('history' in record) {
    view.history = record.history.map((h) => ({
      status: h.status,
      at: iso(h.at),
      ...(h.carrier !== null ? { carrier: h.carrier } : {}),
      ...(h.errorCode !== null ? { errorCode: h.errorCode } : {}),
      ...(h.reason !== null ? { reason: h.reason } : {}),
    }));
    if (record.parts.length > 0) {
      view.parts = record.parts.map((p) => ({
        id: p.id as MessagePartId,
        index: p.seq,
        status: p.status,
        ...(p.carrier !== null ? { carrier: p.carrier } : {}),
        ...(p.errorCode !== null ? { errorCode: p.errorCode } : {}),
        updatedAt: iso(p.updatedAt),
      }));
    }
  }
  return view;
}
