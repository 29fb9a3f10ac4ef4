import * as z from 'zod/mini';
import type { EventId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import type { WebhookEvent } from '../webhooks/webhook-event';
import { isKnownWebhookEventType } from '../webhooks/webhook-event-types';

/** `GET /events` answers Server-Sent Events (WHATWG HTML, "Server-sent events"). */
export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream';

/**
 * The query of `GET /events`. Without `after` (or a `Last-Event-ID` header, which wins: a
 * reconnecting EventSource sends it with the URL it first opened) the stream starts with the
 * account's oldest event.
 */
export interface EventStreamParams {
  /** Comma-separated event types, e.g. `message.delivered,opt_out.changed`; default: every type. */
  types?: string;
  /** Continue after this event (`evt_…`), as `Last-Event-ID` does. */
  after?: EventId;
}

/** One event of the stream: the SSE `id:` and `event:` fields and the parsed `data:` (the envelope). */
export interface StreamedEvent {
  id: EventId;
  type: string;
  data: WebhookEvent;
}

/** `message.delivered,opt_out.changed` → the types, blanks dropped. */
export function splitEventTypes(list: string): string[] {
  return list
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Strict (query): an unknown type is a 422, since a typo would otherwise be a stream that never speaks. */
export const eventStreamParamsSchema = pure(() =>
  z.strictObject({
    types: z.exactOptional(
      z.string().check(
        z.maxLength(1_000),
        z.refine(
          (list) => splitEventTypes(list).length > 0 && splitEventTypes(list).every(isKnownWebhookEventType),
          'Expected a comma-separated list of event types, such as message.delivered,opt_out.changed',
        ),
      ),
    ),
    after: z.exactOptional(idSchema('event')),
  }),
);
