import { LATEST_API_VERSION } from '@karvon/contract';

/** What a message event says about the message: its full current status. */
export interface MessageEventSnapshot {
  id: string;
  status: string;
  to: string;
  from: string;
  segments: number;
  price: number;
  currency: string;
  clientReference: string | null;
  metadata: Record<string, string> | null;
  mode: string;
  operator: string | null;
  carrier: string | null;
}

/**
 * The webhook body of a `message.*` event, in the contract's envelope. Written once when the
 * event happens and stored as is, so every retry and replay sends the same bytes under the same
 * `webhook-id`. `sequence` counts the message's status changes (its history row), so a receiver
 * can order events that arrive out of order and drop one older than what it has.
 */
export function messageEventEnvelope(input: {
  eventId: string;
  type: string;
  occurredAt: number;
  sequence: number;
  message: MessageEventSnapshot;
  error?: { code: string; reason: string } | undefined;
}): string {
  const { message } = input;
  const occurredAt = new Date(input.occurredAt).toISOString();
  return JSON.stringify({
    id: input.eventId,
    type: input.type,
    timestamp: occurredAt,
    apiVersion: LATEST_API_VERSION,
    data: {
      messageId: message.id,
      status: message.status,
      to: message.to,
      from: message.from,
      segments: message.segments,
      price: { amount: message.price, currency: message.currency },
      ...(input.error ? { error: input.error } : {}),
      ...(message.clientReference !== null ? { clientReference: message.clientReference } : {}),
      ...(message.metadata !== null ? { metadata: message.metadata } : {}),
      sequence: input.sequence,
      occurredAt,
      livemode: message.mode === 'live',
      ...(message.operator !== null ? { operator: message.operator } : {}),
      ...(message.carrier !== null ? { carrier: message.carrier } : {}),
    },
  });
}
