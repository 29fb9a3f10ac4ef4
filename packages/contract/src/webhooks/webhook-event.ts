import * as z from 'zod/mini';
import type { Open } from '../common/open';
import type { ErrorCode } from '../errors/error-codes';
import type { EventId, MessageId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import type { MessageStatus } from '../messages/message-status';
import type { Money } from '../money/money';
import { moneyResponseSchema } from '../money/money-schema';
import type { ApiVersion } from '../version/api-version';
import {
  isKnownWebhookEventType,
  MESSAGE_WEBHOOK_EVENT_TYPES,
  type MessageWebhookEventType,
} from './webhook-event-types';

/** The data of every `message.*` status event. */
export interface MessageEventData {
  messageId: MessageId;
  status: MessageStatus;
  to: string;
  from?: string;
  segments: number;
  price?: Money;
  /** For failed, bounced, expired and unknown: why. */
  error?: { code: Open<ErrorCode>; reason: string };
  clientReference?: string;
  metadata?: Record<string, string>;
}

/** A message a phone sent to one of the account's numbers. */
export interface InboundMessageData {
  id: MessageId;
  from: string;
  to: string;
  body: string;
  /** RFC 3339 */
  receivedAt: string;
  carrier?: string;
}

export const OPT_OUT_SOURCES = ['keyword', 'api', 'dashboard', 'carrier'] as const;
export type OptOutSource = Open<(typeof OPT_OUT_SOURCES)[number]>;

/** A recipient opted out (STOP) or back in (START). */
export interface OptOutChangedData {
  phoneNumber: string;
  optedOut: boolean;
  keyword?: string;
  source: OptOutSource;
  /** RFC 3339 */
  changedAt: string;
}

/**
 * The envelope of every webhook, in the Standard Webhooks shape: the event id
 * (also sent as the `webhook-id` header, for deduplication), its type, when it
 * happened, the API version its `data` follows, and the data.
 */
export interface WebhookEventEnvelope<TType extends string, TData> {
  id: EventId;
  type: TType;
  /** RFC 3339 */
  timestamp: string;
  apiVersion: Open<ApiVersion>;
  data: TData;
}

export type MessageWebhookEvent = {
  [T in MessageWebhookEventType]: WebhookEventEnvelope<T, MessageEventData>;
}[MessageWebhookEventType];
export type InboundMessageWebhookEvent = WebhookEventEnvelope<'message.inbound', InboundMessageData>;
export type OptOutChangedWebhookEvent = WebhookEventEnvelope<'opt_out.changed', OptOutChangedData>;

/** Every event this version knows, discriminated by `type`. */
export type KnownWebhookEvent = MessageWebhookEvent | InboundMessageWebhookEvent | OptOutChangedWebhookEvent;

/**
 * An event type added after this version was built. Handle `KnownWebhookEvent`
 * (narrow with `isKnownWebhookEvent`) and acknowledge the rest.
 */
export type UnknownWebhookEvent = WebhookEventEnvelope<string & {}, Record<string, unknown>>;

export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  return isKnownWebhookEventType(event.type);
}

// --- schemas (loose: they validate what a newer gateway may send) ----------

export const messageEventDataSchema = pure(() =>
  z.looseObject({
    messageId: idSchema('message'),
    status: z.string(),
    to: z.string(),
    from: z.exactOptional(z.string()),
    segments: z.int().check(z.gte(0)),
    price: z.exactOptional(moneyResponseSchema),
    error: z.exactOptional(z.looseObject({ code: z.string(), reason: z.string() })),
    clientReference: z.exactOptional(z.string()),
    metadata: z.exactOptional(z.record(z.string(), z.string())),
  }),
);

export const inboundMessageDataSchema = pure(() =>
  z.looseObject({
    id: idSchema('message'),
    from: z.string(),
    to: z.string(),
    body: z.string(),
    receivedAt: z.string(),
    carrier: z.exactOptional(z.string()),
  }),
);

export const optOutChangedDataSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    optedOut: z.boolean(),
    keyword: z.exactOptional(z.string()),
    source: z.string(),
    changedAt: z.string(),
  }),
);

const envelope = pure(() => ({
  id: idSchema('event'),
  timestamp: z.string(),
  apiVersion: z.string(),
}));

export const knownWebhookEventSchema = pure(() =>
  z.discriminatedUnion('type', [
    z.looseObject({ ...envelope, type: z.enum(MESSAGE_WEBHOOK_EVENT_TYPES), data: messageEventDataSchema }),
    z.looseObject({ ...envelope, type: z.literal('message.inbound'), data: inboundMessageDataSchema }),
    z.looseObject({ ...envelope, type: z.literal('opt_out.changed'), data: optOutChangedDataSchema }),
  ]),
);

const unknownWebhookEventSchema = pure(() =>
  z.looseObject({
    ...envelope,
    // A known type must match its own schema above; only unknown types land here.
    type: z.string().check(z.refine((t) => !isKnownWebhookEventType(t), 'Known event types must match their schema')),
    data: z.record(z.string(), z.unknown()),
  }),
);

/**
 * Validates a webhook payload (after its signature was verified). Known
 * types are checked against their data schema; unknown types pass with
 * their envelope checked, so a new event type never breaks a receiver.
 */
export const webhookEventSchema = pure(() => z.union([knownWebhookEventSchema, unknownWebhookEventSchema]));
