import * as z from 'zod/mini';
import { pageSchema } from '../common/page';
import type { MessageId, MessagePartId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import type { Money } from '../money/money';
import { moneyResponseSchema } from '../money/money-schema';
import type { MessageStatus } from './message-status';
import type { MessageEncoding, MessageType } from './message-type';

/** One step in a message's life. */
export interface StatusHistoryEntry {
  status: MessageStatus;
  /** RFC 3339 */
  at: string;
  carrier?: string;
  /** The carrier's or the gateway's code for a failure. */
  errorCode?: string;
  reason?: string;
}

/** One segment of a long message, which carriers track on its own. */
export interface MessagePart {
  id: MessagePartId;
  /** 0-based position in the message. */
  index: number;
  status: MessageStatus;
  carrier?: string;
  errorCode?: string;
  /** RFC 3339 */
  updatedAt: string;
}

/** A message as `GET /status/{id}` returns it. */
export interface Message {
  id: MessageId;
  /** For a long message, the rollup of its parts' statuses (see rollUpPartStatuses). */
  status: MessageStatus;
  to: string;
  from: string;
  type: MessageType;
  encoding: MessageEncoding;
  segments: number;
  price: Money;
  /** RFC 3339 */
  createdAt: string;
  /** RFC 3339, with the offset resolved from `timezone` when the request gave a local time. */
  scheduledAt?: string;
  clientReference?: string;
  metadata?: Record<string, string>;
  parts?: MessagePart[];
  /** Oldest first. */
  history: StatusHistoryEntry[];
}

export const statusHistoryEntrySchema = pure(() =>
  z.looseObject({
    status: z.string(),
    at: z.string(),
    carrier: z.exactOptional(z.string()),
    errorCode: z.exactOptional(z.string()),
    reason: z.exactOptional(z.string()),
  }),
);

export const messagePartSchema = pure(() =>
  z.looseObject({
    id: idSchema('messagePart'),
    index: z.int().check(z.gte(0)),
    status: z.string(),
    carrier: z.exactOptional(z.string()),
    errorCode: z.exactOptional(z.string()),
    updatedAt: z.string(),
  }),
);

/** Loose: statuses, types and encodings are open strings; extra fields pass. */
export const messageSchema = pure(() =>
  z.looseObject({
    id: idSchema('message'),
    status: z.string(),
    to: z.string(),
    from: z.string(),
    type: z.string(),
    encoding: z.string(),
    segments: z.int().check(z.gte(0)),
    price: moneyResponseSchema,
    createdAt: z.string(),
    scheduledAt: z.exactOptional(z.string()),
    clientReference: z.exactOptional(z.string()),
    metadata: z.exactOptional(z.record(z.string(), z.string())),
    parts: z.exactOptional(z.array(messagePartSchema)),
    history: z.array(statusHistoryEntrySchema),
  }),
);

/** Loose (response) of `GET /messages`. */
export const messagePageSchema = pure(() => pageSchema(messageSchema));
